package dev.runbook.stdlib.mongo.restore;

import dev.runbook.stdlib.mongo.dump.ArchiveReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import org.bson.BsonDocument;

/** Feeds the documents of an archive's planned namespaces to the inserter, in stream order. */
final class ArchiveReplay implements ArchiveReader.Visitor {
    interface Sink {
        void accept(String targetNamespace, byte[] document) throws RestoreAbort, InterruptedException;
    }

    /** Carries a {@link RestoreAbort} through the reader, which only throws IOException. */
    static final class Stopped extends IOException {
        private final RestoreAbort abort;

        Stopped(RestoreAbort abort) {
            super(abort.getMessage());
            this.abort = abort;
        }

        RestoreAbort abort() {
            return abort;
        }
    }

    private final Map<String, String> targets;
    private final Sink sink;

    ArchiveReplay(Map<String, String> targets, Sink sink) {
        this.targets = targets;
        this.sink = sink;
    }

    @Override
    public void header(BsonDocument header) {}

    @Override
    public void collection(String db, String collection, String metadataJson, String type) {}

    @Override
    public void document(String db, String collection, byte[] document) throws IOException {
        String target = targets.get(db + "." + collection);
        if (target == null) {
            return;
        }
        try {
            sink.accept(target, document);
        } catch (RestoreAbort e) {
            throw new Stopped(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("restore interrupted");
        }
    }

    @Override
    public void endOfNamespace(String db, String collection, long documents) {}
}
