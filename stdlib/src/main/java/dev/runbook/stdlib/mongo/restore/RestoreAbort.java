package dev.runbook.stdlib.mongo.restore;

/** An error that stops a restore (anything but a duplicate key or a validation failure of one document). */
public final class RestoreAbort extends Exception {
    public RestoreAbort(String message) {
        super(message);
    }

    public RestoreAbort(String message, Throwable cause) {
        super(message, cause);
    }
}
