package dev.runbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The operations runbooks pass `runbook check` with no warning, and `runbook plan` names the commands they run, so
 * a reviewer reads what will happen before it does.
 */
class OpsRunbooksPlanTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "app-rollback.rb    | target=v1.0.0 | git tag <\"rollback-;systemctl stop cryptique-health-check;pm2 scale "
                        + "cryptique-backend 1;git checkout v1.0.0;npm ci --omit=dev;pm2 reload /srv/cryptique/backend/ecosystem"
                        + ".config.js --env production;GET http://localhost:3001/health;GET http://"
                        + "localhost:3001/api/status;pm2 scale cryptique-backend <string(steps.current.instances)>;"
                        + "systemctl start cryptique-health-check;confirm \"Check out v1.0.0;undo: git checkout;"
                        + "run runbook verify-system.rb",
                "verify-system.rb   | | GET http://localhost:3001/health, expect 200;check that every pm2 process is"
                        + " online and not restarting;each under 512 MiB;count the error lines in the pm2 logs;"
                        + "db == connected;POST http://localhost:3001/api/vector/search;within 500ms;send 30 GET"
                        + " requests to http://localhost:3001/api/auth/login at once",
                "config-rollback.rb | config=nginx,from=/etc/nginx/sites-available/cryptique.backup.20240101_120000 | "
                        + "cp /etc/nginx/sites-available/cryptique /etc/nginx/sites-available/cryptique.backup.;nginx -p "
                        + "/usr/share/nginx/ -c /etc/nginx/nginx.conf -t;-s reload;restore /srv/cryptique/backend/.env.production"
                        + ";pm2 restart /srv/cryptique/backend/ecosystem.config.js;confirm \"Replace",
                "rollback-drill.rb  | | git checkout -b <\"rollback-test-;append to /srv/cryptique/backend/test-file.js;"
                        + "git add -A && git commit -m \"Rollback test\";pm2 reload;git checkout main;GET http://localhost:3001"
                        + "/health;git -C /srv/cryptique/backend branch -D;confirm \"Roll",
                "full-recovery.rb   | backup=/var/backups/cryptique/full_backup_20240101 | pm2 stop all;nginx -p "
                        + "/usr/share/nginx/ -c /etc/nginx/nginx.conf -s quit;cp -a /srv/cryptique/backend;"
                        + "/srv/cryptique/backend/scripts/full-restore.sh /var/backups/cryptique/full_backup_20240101;"
                        + "nginx -p /usr/share/nginx/ -c /etc/nginx/nginx.conf (start;pm2 start /srv/cryptique/backend/"
                        + "ecosystem.config.js --env production;GET http://localhost:3001/health;confirm \"Stop every pm2 app",
                "incident.rb        | severity=high,reason=login broken,target=v1.0.0 | ROLLBACK IN PROGRESS;run runbook "
                        + "app-rollback.rb;target: v1.0.0;timeout deadline;deadline = 15m;every 15m until the main steps are"
                        + " done;contacts = Primary DevOps;DECISION: FIX FORWARD",
                "incident.rb        | severity=critical,kind=data,reason=corrupted orders,backup=/tmp | run runbook "
                        + "db-restore.rb;rollback [call, write] after updates skipped: when severity != \"low\" && kind"
                        + " == \"code\" is false;deadline = 15m",
                "incident.rb        | severity=medium,kind=config,reason=bad env,config_from=/tmp/env.bak | run runbook "
                        + "config-rollback.rb;from: /tmp/env.bak;deadline = 1h",
            })
    void checksCleanlyAndThePlanNamesTheCommands(String file, String params, String expected) {
        String path = OpsFixture.runbook(file).toString();
        OpsFixture.Cli check = OpsFixture.cli(List.of("check", path));
        assertEquals(0, check.exit(), check.all());
        assertFalse(check.all().contains("warning"), check.all());

        List<String> args = new ArrayList<>(List.of("plan", path));
        if (params != null) {
            for (String p : params.split(",")) {
                args.addAll(List.of("--param", p));
            }
        }
        OpsFixture.Cli plan = OpsFixture.cli(args);
        assertEquals(0, plan.exit(), plan.all());
        for (String text : expected.split(";")) {
            assertTrue(plan.out().contains(text.strip()), "plan of " + file + " lacks `" + text + "`:\n" + plan.out());
        }
    }

    /**
     * A preview never needs production: with no params and none of the servers, folders or backups of production
     * (none exist on a test machine), every shipped runbook plans, in text and markdown, and lists what stays
     * unknown until the run with the reason.
     */
    @ParameterizedTest
    @CsvSource({
        "app-rollback.rb, target",
        "config-rollback.rb, config",
        "db-restore.rb, backup",
        "full-recovery.rb, backup",
        "incident.rb, severity",
        "vector-restore.yaml, backup",
        "rollback-drill.rb, ",
        "verify-system.rb, ",
        "quickstart.rb, ",
        "quickstart.yaml, "
    })
    void plansWithNoParamsAndNoProduction(String file, String unknown) {
        String path = OpsFixture.runbook(file).toString();
        for (String format : List.of("text", "markdown")) {
            OpsFixture.Cli plan = OpsFixture.cli(List.of("plan", path, "--format", format));
            assertEquals(0, plan.exit(), plan.all());
            if (unknown != null) {
                assertTrue(plan.out().contains("<" + unknown + ">"), plan.out());
                assertTrue(plan.out().contains("Known at run"), plan.out());
            }
        }
    }
}
