package dev.runbook.stdlib.mongo.restore;

import dev.runbook.stdlib.mongo.dump.DumpCollection;
import dev.runbook.stdlib.mongo.dump.DumpInventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decides which collections of a checked backup go where: include/exclude, system namespaces, a target db, renames,
 * and conflicting destinations. Order: an archive's stream order; otherwise views first, then largest first, as
 * mongorestore orders intents with more than one parallel collection.
 */
public final class RestorePlanner {
    private RestorePlanner() {}

    /** The plan, with skip messages added to {@code skipped}; IllegalArgumentException for rules that cannot hold. */
    public static List<PlannedCollection> plan(
            DumpInventory inventory, NamespaceRules rules, String targetDb, List<String> skipped) {
        List<DumpCollection> chosen = new ArrayList<>();
        for (DumpCollection c : inventory.collections()) {
            if (!rules.selects(c.namespace())) {
                continue;
            }
            if (c.collection().startsWith("system.") && !c.collection().equals("system.js")) {
                skipped.add(c.namespace() + ": skipping system namespace (users, roles and server metadata are not"
                        + " restored)");
                continue;
            }
            chosen.add(c);
        }
        String sourceDb = singleSourceDb(chosen, targetDb);
        List<PlannedCollection> plan = new ArrayList<>();
        Map<String, String> destinations = new HashMap<>();
        for (DumpCollection c : chosen) {
            String target = rules.rename(c.namespace())
                    .orElse(
                            sourceDb != null && c.db().equals(sourceDb)
                                    ? targetDb + "." + c.collection()
                                    : c.namespace());
            String previous = destinations.put(target, c.namespace());
            if (previous != null) {
                throw new IllegalArgumentException("cannot restore with conflicting namespace destinations: " + previous
                        + " and " + c.namespace() + " both go to " + target);
            }
            int dot = target.indexOf('.');
            if (dot <= 0 || dot == target.length() - 1) {
                throw new IllegalArgumentException(
                        "destination '" + target + "' of " + c.namespace() + " is not a db.collection namespace");
            }
            plan.add(new PlannedCollection(c, target.substring(0, dot), target.substring(dot + 1)));
        }
        if (!inventory.archive()) {
            plan.sort(Comparator.comparing(
                            (PlannedCollection p) -> !p.source().metadata().isView())
                    .thenComparing(p -> -p.source().bytes()));
        }
        return plan;
    }

    private static String singleSourceDb(List<DumpCollection> chosen, String targetDb) {
        if (targetDb == null || targetDb.isEmpty()) {
            return null;
        }
        TreeSet<String> dbs = new TreeSet<>();
        chosen.forEach(c -> dbs.add(c.db()));
        if (dbs.size() > 1) {
            throw new IllegalArgumentException("db '" + targetDb + "' was given, but the backup holds databases "
                    + String.join(", ", dbs) + "; use ns_include or ns_from/ns_to instead");
        }
        return dbs.isEmpty() ? null : dbs.first();
    }
}
