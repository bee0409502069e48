package dev.runbook.stdlib.mongo.dump;

import java.io.IOException;

/** A backup that cannot be used as it is: a broken BSON frame, unreadable metadata, a checksum that does not match. */
public class DumpFormatException extends IOException {
    public DumpFormatException(String message) {
        super(message);
    }

    public DumpFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
