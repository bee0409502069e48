package dev.runbook.stdlib;

import dev.runbook.spi.StepLibrary;
import dev.runbook.spi.StepType;
import java.util.ArrayList;
import java.util.List;

/** The one list of built-in step types, one line per type, grouped by family. */
public final class StdlibStepTypes implements StepLibrary {

    public static List<StepType> all() {
        List<StepType> all = new ArrayList<>();
        generic(all);
        operations(all);
        mongo(all);
        return List.copyOf(all);
    }

    @Override
    public List<StepType> stepTypes() {
        return all();
    }

    // exec, shell, http.*, file.*, wait, confirm, notify


    private static void generic(List<StepType> all) {

    }



    // git.*, npm.*, pm2.*, service.*, nginx.*


    private static void operations(List<StepType> all) {

    }



    // mongo.*


    private static void mongo(List<StepType> all) {
        all.add(new dev.runbook.stdlib.mongo.MongoPingStep());
        all.add(new dev.runbook.stdlib.mongo.MongoStatusStep());
        all.add(new dev.runbook.stdlib.mongo.MongoCountsStep());
        all.add(new dev.runbook.stdlib.mongo.MongoDumpStep());
        all.add(new dev.runbook.stdlib.mongo.MongoRestoreStep());
        all.add(new dev.runbook.stdlib.mongo.MongoExportJsonStep());
        all.add(new dev.runbook.stdlib.mongo.MongoImportJsonStep());
    }
}
