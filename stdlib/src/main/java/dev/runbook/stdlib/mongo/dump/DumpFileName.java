package dev.runbook.stdlib.mongo.dump;

import java.util.List;
import java.util.Optional;

/** A file name in a dump directory split into the escaped collection name and what kind of file it is. */
record DumpFileName(String base, boolean metadata, boolean gzip) {
    private static final List<String> DATA = List.of(".bson", ".bin");
    private static final String METADATA = ".metadata.json";

    static Optional<DumpFileName> of(String fileName) {
        boolean gz = fileName.endsWith(".gz");
        String name = gz ? fileName.substring(0, fileName.length() - 3) : fileName;
        if (name.endsWith(METADATA)) {
            return Optional.of(new DumpFileName(name.substring(0, name.length() - METADATA.length()), true, gz));
        }
        for (String suffix : DATA) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return Optional.of(new DumpFileName(name.substring(0, name.length() - suffix.length()), false, gz));
            }
        }
        return Optional.empty();
    }
}
