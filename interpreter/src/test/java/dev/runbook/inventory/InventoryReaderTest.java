package dev.runbook.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runbook.diagnostic.Diagnostic;
import dev.runbook.diagnostic.DiagnosticFormatter;
import dev.runbook.diagnostic.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An inventory read from a real file: every feature, the selection of targets, and each mistake where it is. */
class InventoryReaderTest {
    private static final String GOOD = """
            # hosts.yaml
            ssh:
              user: deploy
              port: 22
              options: ["-i", "/keys/id_ed25519", "-o", "UserKnownHostsFile=/keys/known_hosts"]
            vars:
              app_dir: /srv/app
              region: eu
              replicas: 3
              tls: true
              ratio: 0.5
              nothing:
            groups:
              web:
                vars: { pm2_home: /srv/pm2, region: web-eu, tier: front }
              canary:
                vars: { tier: canary }
              ops:
            hosts:
              web1:
                address: 10.0.0.11
                user: admin
                port: 2222
                groups: [web, canary]
                vars: { app_dir: /srv/h1/app, ports: [80, 443], limits: { cpu: 2 } }
                ssh_options: ["-o", "ConnectTimeout=5"]
              web2:
                address: web2.example.com
                groups: [canary, web]
              control:
                local: true
                groups: [ops]
            """;

    @TempDir
    Path dir;

    private Inventory read(String text, Diagnostics diagnostics) throws Exception {
        Path file = dir.resolve("hosts.yaml");
        Files.writeString(file, text);
        return InventoryReader.read(file, diagnostics);
    }

    /** The diagnostics of a file as {@code line:col code message}, in file order. */
    private List<String> problems(String text) throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        Inventory inventory = read(text, diagnostics);
        if (diagnostics.hasErrors()) {
            assertNull(inventory, "an inventory with errors is not returned");
        }
        return diagnostics.sorted().stream()
                .map(d -> d.span().start() + " " + d.code() + " " + d.message())
                .toList();
    }

    @Test
    void aFileWithEveryFeatureGivesItsHostsInFileOrderWithTheDefaultsApplied() throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        Inventory inventory = read(GOOD, diagnostics);
        assertEquals(List.of(), diagnostics.all(), "no diagnostics");
        assertNotNull(inventory);
        assertEquals(
                List.of("web1", "web2", "control"),
                inventory.hosts().stream().map(Host::name).toList());

        Host web1 = inventory.select("web1").get(0);
        assertEquals("10.0.0.11", web1.address());
        assertEquals("admin", web1.user(), "the host's user overrides ssh.user");
        assertEquals(2222, web1.port());
        assertEquals(List.of("web", "canary"), web1.groups());
        assertFalse(web1.local());
        assertEquals(
                List.of(
                        "-i",
                        "/keys/id_ed25519",
                        "-o",
                        "UserKnownHostsFile=/keys/known_hosts",
                        "-o",
                        "ConnectTimeout=5"),
                web1.sshOptions(),
                "ssh.options, then the host's own");
        assertEquals("hosts.yaml:20:3", web1.span().toString().replace(dir + "/", ""));

        Host web2 = inventory.select("web2").get(0);
        assertEquals("deploy", web2.user(), "ssh.user when the host says nothing");
        assertEquals(22, web2.port());
        assertEquals(4, web2.sshOptions().size());

        Host control = inventory.select("control").get(0);
        assertTrue(control.local());
        assertNull(control.address());
    }

    @Test
    void theExampleOfTheDocsReadsAsItSays() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "hosts.md"));
        int start = doc.indexOf("```yaml\n# hosts.yaml\n") + "```yaml\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        Diagnostics diagnostics = new Diagnostics();
        Inventory inventory = read(example, diagnostics);
        assertEquals(List.of(), diagnostics.all());
        Host web1 = inventory.select("web").get(0);
        assertEquals("10.0.0.11", web1.address());
        assertEquals(Map.of("app_dir", "/srv/h1/app", "pm2_home", "/srv/pm2"), web1.vars());
        assertEquals(List.of("-o", "ConnectTimeout=5"), web1.sshOptions().subList(4, 6));
        assertEquals(List.of("control"), names(inventory.select("ops")));
    }

    @Test
    void hostVarsWinOverGroupVarsWhichWinInListOrderOverTopLevelVars() throws Exception {
        Inventory inventory = read(GOOD, new Diagnostics());
        Map<String, Object> web1 = inventory.select("web1").get(0).vars();
        assertEquals("/srv/h1/app", web1.get("app_dir"), "the host's own");
        assertEquals("web-eu", web1.get("region"), "the group's over the top level");
        assertEquals("canary", web1.get("tier"), "web1 lists [web, canary]: canary comes later and wins");
        assertEquals("/srv/pm2", web1.get("pm2_home"));
        assertEquals(List.of(80L, 443L), web1.get("ports"));
        assertEquals(Map.of("cpu", 2L), web1.get("limits"));

        Map<String, Object> web2 = inventory.select("web2").get(0).vars();
        assertEquals("front", web2.get("tier"), "web2 lists [canary, web]: web comes later and wins");
        assertEquals("/srv/app", web2.get("app_dir"), "the top level when no one else says");

        Map<String, Object> control = inventory.select("control").get(0).vars();
        assertEquals("eu", control.get("region"));
        assertEquals(3L, control.get("replicas"));
        assertEquals(true, control.get("tls"));
        assertEquals(0.5, control.get("ratio"));
        assertTrue(control.containsKey("nothing") && control.get("nothing") == null, "an empty var is null");
        assertEquals(
                List.of("app_dir", "region", "replicas", "tls", "ratio", "nothing"),
                List.copyOf(control.keySet()),
                "written order");
    }

    @Test
    void aTargetSelectsAllAGroupOrAHostInFileOrder() throws Exception {
        Inventory inventory = read(GOOD, new Diagnostics());
        assertEquals(List.of("web1", "web2", "control"), names(inventory.select("all")));
        assertEquals(List.of("web1", "web2"), names(inventory.select("web")));
        assertEquals(List.of("web1", "web2"), names(inventory.select("canary")), "file order, not list order");
        assertEquals(List.of("control"), names(inventory.select("ops")));
        assertEquals(List.of("web2"), names(inventory.select("web2")));
        assertEquals(List.of(), inventory.select("db"));
        assertTrue(inventory.knows("all") && inventory.knows("web") && inventory.knows("control"));
        assertFalse(inventory.knows("db"));
        assertEquals(Set.of("all", "web", "canary", "ops"), inventory.groups());
        assertEquals(List.of("all", "web", "canary", "ops"), List.copyOf(inventory.groups()));
        assertEquals("web", inventory.closest("wbe"));
        assertEquals("control", inventory.closest("contrl"));
        assertTrue(inventory.select("web1").get(0).inGroup("all"));
    }

    @Test
    void theHashIsTheFilesAndChangesWithIt() throws Exception {
        Inventory one = read(GOOD, new Diagnostics());
        Inventory same = read(GOOD, new Diagnostics());
        Inventory other = read(GOOD.replace("10.0.0.11", "10.0.0.12"), new Diagnostics());
        assertEquals(64, one.sha256().length());
        assertEquals(one.sha256(), same.sha256());
        assertFalse(one.sha256().equals(other.sha256()));
    }

    @Test
    void withoutAnInventoryTheOneHostIsThisMachine() {
        Inventory local = Inventory.localOnly();
        assertEquals(1, local.hosts().size());
        Host host = local.hosts().get(0);
        assertEquals("local", host.name());
        assertTrue(host.local());
        assertNull(host.address());
        assertEquals(List.of(host), local.select("all"));
        assertEquals(List.of(host), local.select("local"));
        assertTrue(host.inGroup("all"));
        assertEquals(Set.of("all"), local.groups());
        assertFalse(local.knows("web"));
        assertEquals(Inventory.localOnly().sha256(), local.sha256());
    }

    private static List<String> names(List<Host> hosts) {
        return hosts.stream().map(Host::name).toList();
    }

    @Test
    void notYamlOrNotAMappingAtTheTop() throws Exception {
        Diagnostics syntax = new Diagnostics();
        assertNull(read("hosts:\n  web1: \"10.0.0.1\n", syntax));
        Diagnostic d = syntax.all().get(0);
        assertEquals(
                "3:1 RB0012 YAML: found unexpected end of stream",
                d.span().start() + " " + d.code() + " " + d.message());
        assertEquals(
                "2:9 while scanning a quoted scalar",
                d.notes().get(0).span().start() + " " + d.notes().get(0).text());
        assertEquals(
                List.of("1:1 RB0700 an inventory is a mapping with `hosts:` at the top, not a list"),
                problems("- web1\n- web2\n"));
        assertEquals(
                List.of("1:1 RB0700 an inventory is a mapping with `hosts:` at the top, not `web1`"),
                problems("web1\n"));
        assertEquals(
                List.of("1:1 RB0018 the file holds no YAML document; an inventory is a mapping"),
                problems("# nothing yet\n"));
        assertEquals(
                List.of("1:1 RB0700 the inventory has no `hosts:`; it needs at least one host"),
                problems("vars: {a: 1}\n"));
        assertEquals(
                List.of("1:1 RB0700 `hosts:` is empty; an inventory needs at least one host"), problems("hosts:\n"));
    }

    @Test
    void anUnknownKeySaysWhatWasMeant() throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        read("hosts:\n  web1:\n    adress: 10.0.0.1\n", diagnostics);
        List<Diagnostic> all = diagnostics.sorted();
        assertEquals(
                List.of("2:3 RB0703 host `web1` has no `address`", "3:5 RB0701 unknown key `adress` in host `web1`"),
                all.stream()
                        .map(d -> d.span().start() + " " + d.code() + " " + d.message())
                        .toList());
        assertEquals("did you mean `address`?", all.get(1).notes().get(0).text());
        String shown = DiagnosticFormatter.format(all.get(1));
        assertTrue(
                shown.endsWith("error[RB0701]: unknown key `adress` in host `web1`\n"
                        + " 3 |     adress: 10.0.0.1\n"
                        + "   |     ^^^^^^\n"
                        + "  = help: did you mean `address`?\n"),
                shown);
        assertEquals(
                List.of(
                        "1:1 RB0700 the inventory has no `hosts:`; it needs at least one host",
                        "1:1 RB0701 unknown key `host` in the inventory"),
                problems("host:\n  web1: {address: a}\n"));
        assertEquals(
                List.of("2:3 RB0701 unknown key `usr` in ssh"),
                problems("ssh:\n  usr: deploy\nhosts:\n  web1: {address: a}\n"));
        assertEquals(
                List.of("2:9 RB0701 unknown key `var` in group `web`"),
                problems("groups:\n  web: {var: {a: 1}}\nhosts:\n  web1: {address: a, groups: [web]}\n"));
    }

    @Test
    void aHostNeedsAnAddressWithoutSpacesUnlessItIsLocal() throws Exception {
        assertEquals(
                List.of("2:3 RB0703 host `web1` has no `address`"), problems("hosts:\n  web1:\n    user: deploy\n"));
        assertEquals(List.of("2:3 RB0703 host `web1` has no `address`"), problems("hosts:\n  web1:\n"));
        assertEquals(
                List.of("2:19 RB0703 address `10.0.0.1 web` of host `web1` holds spaces"),
                problems("hosts:\n  web1: {address: \"10.0.0.1 web\"}\n"));
        assertEquals(
                List.of("2:31 RB0703 host `ctl` is `local: true` and has an address; keep one of them"),
                problems("hosts:\n  ctl: {local: true, address: 10.0.0.1}\n"));
        assertEquals(
                List.of("2:16 RB0700 local must be true or false"), problems("hosts:\n  ctl: {local: yes please}\n"));
    }

    @Test
    void aPortIsANumberFrom1To65535() throws Exception {
        assertEquals(
                List.of("4:11 RB0704 port must be a number from 1 to 65535, not `70000`"),
                problems("hosts:\n  web1:\n    address: a\n    port: 70000\n"));
        assertEquals(
                List.of("2:28 RB0704 port must be a number from 1 to 65535, not `0`"),
                problems("hosts:\n  web1: {address: a, port: 0}\n"));
        assertEquals(
                List.of("2:9 RB0704 ssh.port must be a number from 1 to 65535, not `ssh`"),
                problems("ssh:\n  port: ssh\nhosts:\n  web1: {address: a}\n"));
        assertEquals(
                List.of("2:28 RB0704 port must be a number from 1 to 65535, not `22`"),
                problems("hosts:\n  web1: {address: a, port: \"22\"}\n"));
    }

    @Test
    void groupsAreAListOfNames() throws Exception {
        assertEquals(
                List.of("2:30 RB0700 groups of host `web1` must be a list"),
                problems("hosts:\n  web1: {address: a, groups: web}\n"));
        assertEquals(
                List.of("2:36 RB0700 groups of host `web1` must be a list of group names; this item is a mapping"),
                problems("hosts:\n  web1: {address: a, groups: [web, {x: 1}]}\n"));
        assertEquals(
                List.of("2:36 RB0702 group `web` is listed twice in host `web1`"),
                problems("hosts:\n  web1: {address: a, groups: [web, web]}\n"));
        assertEquals(
                List.of(
                        "2:31 RB0705 group name `web servers` may hold only letters, digits, `_`, `-` and `.`, and starts with a letter, a digit or `_`"),
                problems("hosts:\n  web1: {address: a, groups: [\"web servers\"]}\n"));
    }

    @Test
    void aGroupCannotShareAHostsNameAndNoHostIsCalledAll() throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        read("hosts:\n  db:\n    address: a\n  web1:\n    address: b\n    groups: [db]\n", diagnostics);
        Diagnostic clash = diagnostics.sorted().get(0);
        assertEquals(
                "6:14 RB0705 group `db` has the name of a host",
                clash.span().start() + " " + clash.code() + " " + clash.message());
        assertEquals("2:3", clash.notes().get(0).span().start().toString());
        assertEquals(1, diagnostics.all().size(), "reported once");

        assertEquals(List.of("2:3 RB0705 a host cannot be named `all`"), problems("hosts:\n  all: {address: a}\n"));
        assertEquals(
                List.of("2:31 RB0705 `all` is the group of every host; it is not a group to list"),
                problems("hosts:\n  web1: {address: a, groups: [all]}\n"));
        assertEquals(
                List.of("2:3 RB0705 `all` is the group of every host; it is not a group to list"),
                problems("groups:\n  all: {vars: {a: 1}}\nhosts:\n  web1: {address: a}\n"));
        assertEquals(
                List.of(
                        "2:3 RB0705 host name `web 1` may hold only letters, digits, `_`, `-` and `.`, and starts with a letter, a digit or `_`"),
                problems("hosts:\n  web 1: {address: a}\n"));
    }

    @Test
    void aGroupNoHostIsInIsAWarningAndTheInventoryIsStillRead() throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        Inventory inventory = read(
                "groups:\n  web: {vars: {a: 1}}\n  wbe: {vars: {a: 2}}\nhosts:\n  web1: {address: a, groups: [web]}\n",
                diagnostics);
        assertNotNull(inventory);
        Diagnostic d = diagnostics.all().get(0);
        assertEquals(1, diagnostics.all().size());
        assertFalse(d.isError());
        assertEquals("3:3 RB0707 no host is in group `wbe`", d.span().start() + " " + d.code() + " " + d.message());
        assertEquals("did you mean `web`?", d.notes().get(0).text());
        assertEquals(1L, inventory.hosts().get(0).vars().get("a"));
    }

    @Test
    void aHostOrAKeyGivenTwiceIsADiagnosticNotAnException() throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        read("hosts:\n  web1: {address: a}\n  web2: {address: b}\n  web1: {address: c}\n", diagnostics);
        Diagnostic d = diagnostics.all().get(0);
        assertEquals(1, diagnostics.all().size());
        assertEquals(
                "4:3 RB0702 host `web1` is given twice in hosts",
                d.span().start() + " " + d.code() + " " + d.message());
        assertEquals(
                "2:3 first given here",
                d.notes().get(0).span().start() + " " + d.notes().get(0).text());
        assertEquals(
                List.of("2:22 RB0702 key `address` is given twice in host `web1`"),
                problems("hosts:\n  web1: {address: a, address: b}\n"));
    }

    @Test
    void sshOptionsAreAListOfStrings() throws Exception {
        assertEquals(
                List.of("2:12 RB0700 ssh.options must be a list"),
                problems("ssh:\n  options: -i /keys/k\nhosts:\n  web1: {address: a}\n"));
        assertEquals(
                List.of("2:19 RB0700 ssh.options must be a list of strings; this item is a list"),
                problems("ssh:\n  options: [\"-i\", [a, b]]\nhosts:\n  web1: {address: a}\n"));
        assertEquals(
                List.of("2:42 RB0700 ssh_options must be a list of strings; this item is empty"),
                problems("hosts:\n  web1: {address: a, ssh_options: [\"-v\", ~]}\n"));
    }

    @Test
    void aVarNameIsAnIdentifier() throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        read("vars:\n  app-dir: /srv\nhosts:\n  web1: {address: a, vars: {2fast: x}}\n", diagnostics);
        List<Diagnostic> all = diagnostics.sorted();
        assertEquals(
                "2:3 RB0706 var name `app-dir` in vars is not an identifier (letters, digits and _, not starting with a digit)",
                all.get(0).span().start() + " " + all.get(0).code() + " "
                        + all.get(0).message());
        assertEquals("did you mean `app_dir`?", all.get(0).notes().get(0).text());
        assertEquals(
                "4:29 RB0706 var name `2fast` in the vars of host `web1` is not an identifier (letters, digits and _, not starting with a digit)",
                all.get(1).span().start() + " " + all.get(1).code() + " "
                        + all.get(1).message());
        assertEquals(2, all.size());
    }

    @Test
    void positionsCountCharactersOutsideTheBasicPlaneAsTheEditorDoes() throws Exception {
        assertEquals(
                List.of(
                        "2:38 RB0706 var name `bad-name` in the vars of host `web1` is not an identifier (letters, digits and _, not starting with a digit)"),
                problems("hosts:\n  web1: {address: a, vars: {x: \"\uD83D\uDE00\", bad-name: 1}}\n"));
    }

    @Test
    void aHostGivenAsAnAddressAloneSaysHowToWriteIt() throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        read("hosts:\n  web1: 10.0.0.11\n", diagnostics);
        Diagnostic d = diagnostics.all().get(0);
        assertEquals(
                "2:9 RB0700 host `web1` must be a mapping (key: value)",
                d.span().start() + " " + d.code() + " " + d.message());
        assertEquals("write `web1: {address: 10.0.0.11}`", d.notes().get(0).text());
        assertEquals(List.of("1:8 RB0700 hosts must be a mapping (key: value)"), problems("hosts: [web1, web2]\n"));
    }

    @Test
    void anchorsAndMergeKeysShareSettingsBetweenHosts() throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        Inventory inventory = read("""
                hosts:
                  web1: &web
                    address: 10.0.0.11
                    port: 2222
                    groups: [web]
                  web2:
                    <<: *web
                    address: 10.0.0.12
                """, diagnostics);
        assertEquals(List.of(), diagnostics.all());
        Host web2 = inventory.select("web2").get(0);
        assertEquals("10.0.0.12", web2.address());
        assertEquals(2222, web2.port());
        assertEquals(List.of("web1", "web2"), names(inventory.select("web")));
    }

    @Test
    void aMissingOrUnreadableFileIsAClearMessage() throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        Path missing = dir.resolve("nope.yaml");
        assertNull(InventoryReader.read(missing, diagnostics));
        assertEquals(
                missing + ": error[RB0010]: no such file: " + missing + "\n",
                DiagnosticFormatter.format(diagnostics.all().get(0)));

        Diagnostics folder = new Diagnostics();
        assertNull(InventoryReader.read(dir, folder));
        assertEquals(
                "RB0010 " + dir + " is a directory, not an inventory file",
                folder.all().get(0).code() + " " + folder.all().get(0).message());

        Path binary = dir.resolve("hosts.yaml");
        Files.write(binary, new byte[] {'h', 'o', (byte) 0xC3, 0x28});
        Diagnostics bytes = new Diagnostics();
        assertNull(InventoryReader.read(binary, bytes));
        assertEquals(
                "RB0011 " + binary + " is not valid UTF-8",
                bytes.all().get(0).code() + " " + bytes.all().get(0).message());
    }

    @Test
    void everyMistakeOfAFileIsReportedInOnePass() throws Exception {
        List<String> all = problems("""
                ssh:
                  port: 0
                vars:
                  bad-name: 1
                hosts:
                  all: {address: a}
                  web1: {port: 99999}
                """);
        assertEquals(
                List.of(
                        "2:9 RB0704 ssh.port must be a number from 1 to 65535, not `0`",
                        "4:3 RB0706 var name `bad-name` in vars is not an identifier (letters, digits and _, not starting with a digit)",
                        "6:3 RB0705 a host cannot be named `all`",
                        "7:3 RB0703 host `web1` has no `address`",
                        "7:16 RB0704 port must be a number from 1 to 65535, not `99999`"),
                all);
    }
}
