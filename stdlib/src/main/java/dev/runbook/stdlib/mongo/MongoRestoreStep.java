package dev.runbook.stdlib.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import dev.runbook.model.Type;
import dev.runbook.spi.Args;
import dev.runbook.spi.Effect;
import dev.runbook.spi.OutputSpec;
import dev.runbook.spi.ParamSpec;
import dev.runbook.spi.StepContext;
import dev.runbook.spi.StepResult;
import dev.runbook.spi.StepType;
import dev.runbook.stdlib.mongo.dump.DumpInventory;
import dev.runbook.stdlib.mongo.dump.DumpScanner;
import dev.runbook.stdlib.mongo.restore.NamespaceRules;
import dev.runbook.stdlib.mongo.restore.PlannedCollection;
import dev.runbook.stdlib.mongo.restore.RestoreOptions;
import dev.runbook.stdlib.mongo.restore.RestorePlanner;
import dev.runbook.stdlib.mongo.restore.RestoreReport;
import dev.runbook.stdlib.mongo.restore.Restorer;
import dev.runbook.stdlib.mongo.restore.Tally;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mongo.restore}: mongorestore without the binary. Reads and checks the whole backup (directory, gzip, archive
 * with checksums) before it drops or writes anything, so a bad backup leaves the database as it was.
 */
public final class MongoRestoreStep implements StepType {
    @Override
    public String name() {
        return "mongo.restore";
    }

    @Override
    public String summary() {
        return "Restore a mongodump directory or archive (gzip or not), as mongorestore does";
    }

    @Override
    public Effect effect() {
        return Effect.WRITE;
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("uri", Type.STRING, "MongoDB connection string"),
                ParamSpec.required("from", Type.STRING, "dump directory, database directory, archive or .bson file"),
                ParamSpec.optional(
                        "archive", Type.BOOL, null, "force archive (true) or directory (false); default: detect"),
                ParamSpec.optional("gzip", Type.BOOL, null, "force gzip on or off; default: detect"),
                ParamSpec.optional("db", Type.STRING, null, "target database for a backup that holds one database"),
                ParamSpec.optional("collection", Type.STRING, null, "target collection when from is one .bson file"),
                ParamSpec.optional(
                        "drop", Type.BOOL, false, "drop each collection being restored first (never system.*)"),
                ParamSpec.optional("ns_include", Type.LIST, List.of(), "only these source namespaces (* wildcard)"),
                ParamSpec.optional(
                        "ns_exclude", Type.LIST, List.of(), "leave out these source namespaces (* wildcard)"),
                ParamSpec.optional("ns_from", Type.LIST, List.of(), "rename: source patterns"),
                ParamSpec.optional("ns_to", Type.LIST, List.of(), "rename: destination patterns, one per ns_from"),
                ParamSpec.optional("dry_run", Type.BOOL, false, "check the backup and report, change nothing"),
                ParamSpec.optional("parallel", Type.INT, 4L, "insert batches in flight at once"),
                ParamSpec.optional("batch_size", Type.INT, 1000L, "documents per insert batch"),
                ParamSpec.optional("indexes", Type.BOOL, true, "restore the indexes of the metadata"),
                ParamSpec.optional(
                        "convert_legacy_indexes",
                        Type.BOOL,
                        false,
                        "rewrite legacy index key values to 1/-1 and drop duplicate keys"));
    }

    @Override
    public List<OutputSpec> outputs() {
        return List.of(
                OutputSpec.of("expected", Type.INT, "documents in the backup that were to be restored"),
                OutputSpec.of("restored", Type.INT, "documents inserted"),
                OutputSpec.of("failures", Type.INT, "documents refused for a duplicate key or validation"),
                OutputSpec.of("collections", Type.LIST, "per collection: {ns, expected, restored, failures}"),
                OutputSpec.of("skipped", Type.LIST, "files and namespaces left out, with the reason"));
    }

    @Override
    public String describe(Args args) {
        boolean drop = args.isKnown("drop") && args.bool("drop");
        return "restore " + args.show("from") + " into " + args.show("uri")
                + (args.has("db") ? " (db " + args.show("db") + ")" : "")
                + (drop ? ", dropping each restored collection first" : ", appending to existing collections");
    }

    @Override
    public String partWay() {
        return Restorer.PART_WAY;
    }

    @Override
    public StepResult execute(Args args, StepContext context) throws InterruptedException {
        Path from = context.resolve(args.string("from"));
        String uri = args.string("uri");
        DumpInventory inventory;
        List<PlannedCollection> plan;
        List<String> skipped = new ArrayList<>();
        try {
            // the URI's database only chooses the target of a single .bson file or a database directory
            inventory = DumpScanner.scan(
                    from,
                    optionalBool(args, "archive"),
                    optionalBool(args, "gzip"),
                    MongoConnection.database(args.string("db"), uri),
                    args.string("collection"));
            skipped.addAll(inventory.skipped());
            NamespaceRules rules = new NamespaceRules(
                    args.strings("ns_include"),
                    args.strings("ns_exclude"),
                    args.strings("ns_from"),
                    args.strings("ns_to"));
            plan = RestorePlanner.plan(inventory, rules, args.string("db"), skipped);
        } catch (IOException e) {
            return StepResult.refused(context.redact(
                    "backup " + from + " is not usable, nothing was dropped or" + " written: " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            return StepResult.refused(context.redact("cannot restore " + from + ": " + e.getMessage()));
        }
        skipped.forEach(context::log);
        if (plan.isEmpty()) {
            return new StepResult(
                    StepResult.Status.FAILED,
                    outputs(new RestoreReport(List.of(), null), skipped),
                    "nothing to restore in " + from + " (after filters and skips)",
                    true);
        }
        if (args.bool("dry_run")) {
            return dryRun(plan, args.bool("drop"), skipped, context);
        }
        RestoreOptions options = new RestoreOptions(
                args.bool("drop"),
                (int) args.integer("parallel"),
                (int) args.integer("batch_size"),
                args.bool("convert_legacy_indexes"),
                !args.has("indexes") || args.bool("indexes"));
        context.log(
                "restoring " + inventory.documents() + " documents in " + plan.size() + " collections from " + from);
        RestoreReport report;
        try (MongoClient client = MongoConnection.open(uri)) {
            report = new Restorer(
                            client, options, context::log, context::cancelled, context.clock(), context::failsHere)
                    .run(inventory, plan);
        } catch (MongoException e) {
            return StepResult.failed(context.redact("restore failed: " + e.getMessage()));
        }
        if (report.error() != null) {
            return StepResult.failed(context.redact("restore stopped: " + report.error()), outputs(report, skipped));
        }
        return StepResult.ok(outputs(report, skipped));
    }

    private static StepResult dryRun(
            List<PlannedCollection> plan, boolean drop, List<String> skipped, StepContext context) {
        List<Tally> tallies = new ArrayList<>();
        for (PlannedCollection p : plan) {
            context.log("would restore " + p.source().documents() + " documents of "
                    + p.source().namespace() + " into " + p.namespace() + (drop ? " (dropping it first)" : ""));
            tallies.add(new Tally(p.namespace(), p.source().documents()));
        }
        context.log("dry run completed: nothing was changed");
        return StepResult.ok(outputs(new RestoreReport(tallies, null), skipped));
    }

    private static Map<String, Object> outputs(RestoreReport report, List<String> skipped) {
        List<Object> collections = new ArrayList<>();
        for (Tally t : report.tallies()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("ns", t.namespace());
            c.put("expected", t.expected());
            c.put("restored", t.restored());
            c.put("failures", t.failures());
            collections.add(c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("expected", report.expected());
        out.put("restored", report.restored());
        out.put("failures", report.failures());
        out.put("collections", collections);
        out.put("skipped", new ArrayList<Object>(skipped));
        return out;
    }

    private static Boolean optionalBool(Args args, String name) {
        return args.has(name) ? args.bool(name) : null;
    }
}
