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
        all.add(new dev.runbook.stdlib.exec.ExecStep());
        all.add(new dev.runbook.stdlib.exec.ShellStep());
        all.add(new dev.runbook.stdlib.http.HttpGetStep());
        all.add(new dev.runbook.stdlib.http.HttpCheckStep());
        all.add(new dev.runbook.stdlib.http.HttpPostStep());
        all.add(new dev.runbook.stdlib.http.HttpBurstStep());
        all.add(new dev.runbook.stdlib.file.FileExistsStep());
        all.add(new dev.runbook.stdlib.file.FileHashStep());
        all.add(new dev.runbook.stdlib.file.FileCopyStep());
        all.add(new dev.runbook.stdlib.file.FileBackupStep());
        all.add(new dev.runbook.stdlib.file.FileRestoreStep());
        all.add(new dev.runbook.stdlib.file.FileWriteStep());
        all.add(new dev.runbook.stdlib.flow.WaitStep());
        all.add(new dev.runbook.stdlib.flow.ConfirmStep());
        all.add(new dev.runbook.stdlib.flow.NotifyStep());
        all.add(new dev.runbook.stdlib.flow.NotifyEveryStep());
    }

    // git.*, npm.*, pm2.*, service.*, nginx.*

    private static void operations(List<StepType> all) {
        all.add(new dev.runbook.stdlib.git.GitHeadStep());
        all.add(new dev.runbook.stdlib.git.GitLogStep());
        all.add(new dev.runbook.stdlib.git.GitTagsStep());
        all.add(new dev.runbook.stdlib.git.GitStatusStep());
        all.add(new dev.runbook.stdlib.git.GitTagStep());
        all.add(new dev.runbook.stdlib.git.GitCheckoutStep());
        all.add(new dev.runbook.stdlib.git.GitBranchStep());
        all.add(new dev.runbook.stdlib.git.GitCommitStep());
        all.add(new dev.runbook.stdlib.npm.NpmCiStep());
        all.add(new dev.runbook.stdlib.pm2.Pm2ListStep());
        all.add(new dev.runbook.stdlib.pm2.Pm2DescribeStep());
        all.add(new dev.runbook.stdlib.pm2.Pm2StartStep());
        all.add(new dev.runbook.stdlib.pm2.Pm2StopStep());
        all.add(new dev.runbook.stdlib.pm2.Pm2CycleStep("reload"));
        all.add(new dev.runbook.stdlib.pm2.Pm2CycleStep("restart"));
        all.add(new dev.runbook.stdlib.pm2.Pm2ScaleStep());
        all.add(new dev.runbook.stdlib.pm2.Pm2DeleteStep());
        all.add(new dev.runbook.stdlib.pm2.Pm2LogsStep());
        all.add(new dev.runbook.stdlib.pm2.Pm2HealthStep());
        all.add(new dev.runbook.stdlib.pm2.Pm2ErrorsStep());
        all.add(new dev.runbook.stdlib.service.ServiceToggleStep(true));
        all.add(new dev.runbook.stdlib.service.ServiceToggleStep(false));
        all.add(new dev.runbook.stdlib.service.ServiceReloadStep());
        all.add(new dev.runbook.stdlib.service.ServiceStatusStep());
        all.add(new dev.runbook.stdlib.nginx.NginxTestStep());
        all.add(new dev.runbook.stdlib.nginx.NginxReloadStep());
        all.add(new dev.runbook.stdlib.nginx.NginxStartStep());
        all.add(new dev.runbook.stdlib.nginx.NginxStopStep());
        all.add(new dev.runbook.stdlib.nginx.NginxConfigBackupStep());
        all.add(new dev.runbook.stdlib.nginx.NginxConfigRestoreStep());
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
