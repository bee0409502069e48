package dev.runbook.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package table of ARCHITECTURE.md section 1 as rules over the main classes of every module (all on this
 * module's test class path): dependencies only point down the table, step families stay apart, no package cycles.
 */
class LayeringTest {
    private static final String[] BASE = {"Source", "Diagnostic", "Model", "Json"};
    /** A family's own library, besides the JDK; a family not listed uses the JDK only. */
    private static final Map<String, List<String>> LIBRARIES =
            Map.of("git", List.of("org.eclipse.jgit.."), "mongo", List.of("com.mongodb..", "org.bson.."));

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(LayeringTest::isMainClass)
                .importPackages("dev.runbook");
        for (String name : List.of(
                "dev.runbook.source.Span",
                "dev.runbook.plan.Planner",
                "dev.runbook.stdlib.StdlibStepTypes",
                "dev.runbook.cli.Main")) {
            assertTrue(main.contain(name), "the main classes of every module are imported: " + name);
        }
    }

    /** The test classes (this module's, and the interpreter's test jar) are not the architecture. */
    private static boolean isMainClass(com.tngtech.archunit.core.importer.Location location) {
        return new ImportOption.DoNotIncludeTests().includes(location)
                && !location.contains("/test-classes/")
                && !location.contains("-tests.jar");
    }

    @Test
    void dependenciesOnlyPointDownTheTable() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Source")
                .definedBy("dev.runbook.source..")
                .layer("Diagnostic")
                .definedBy("dev.runbook.diagnostic..")
                .layer("Model")
                .definedBy("dev.runbook.model..")
                .layer("Json")
                .definedBy("dev.runbook.json..")
                .layer("Syntax")
                .definedBy("dev.runbook.syntax..")
                .layer("Yaml")
                .definedBy("dev.runbook.yaml..")
                .layer("Format")
                .definedBy("dev.runbook.format..")
                .layer("Spi")
                .definedBy("dev.runbook.spi..")
                .layer("Expr")
                .definedBy("dev.runbook.expr..")
                .layer("Check")
                .definedBy("dev.runbook.check..")
                .layer("Plan")
                .definedBy("dev.runbook.plan..")
                .layer("Ssh")
                .definedBy("dev.runbook.ssh..")
                .layer("Engine")
                .definedBy("dev.runbook.engine..")
                .layer("Etcd")
                .definedBy("dev.runbook.etcd..")
                .layer("Inventory")
                .definedBy("dev.runbook.inventory..")
                .layer("Stdlib")
                .definedBy("dev.runbook.stdlib..")
                .layer("Cli")
                .definedBy("dev.runbook.cli..")
                .whereLayer("Source")
                .mayNotAccessAnyLayer()
                .whereLayer("Diagnostic")
                .mayOnlyAccessLayers("Source")
                .whereLayer("Model")
                .mayOnlyAccessLayers("Source")
                .whereLayer("Json")
                .mayOnlyAccessLayers("Source", "Model")
                .whereLayer("Syntax")
                .mayOnlyAccessLayers("Source", "Diagnostic", "Model")
                .whereLayer("Yaml")
                .mayOnlyAccessLayers("Source", "Diagnostic", "Model", "Syntax")
                .whereLayer("Format")
                .mayOnlyAccessLayers("Source", "Diagnostic", "Model", "Syntax", "Yaml")
                .whereLayer("Spi")
                .mayOnlyAccessLayers(BASE)
                .whereLayer("Expr")
                .mayOnlyAccessLayers(with("Spi"))
                .whereLayer("Check")
                .mayOnlyAccessLayers(with("Spi", "Expr", "Plan", "Inventory")) // cycles in the plan's Graph; targets
                .whereLayer("Plan")
                .mayOnlyAccessLayers(with("Spi", "Expr", "Inventory"))
                .whereLayer("Ssh")
                .mayOnlyAccessLayers(with("Spi")) // ssh runs through a Target it is given, never the engine's class
                .whereLayer("Engine")
                .mayOnlyAccessLayers(with("Spi", "Expr", "Plan", "Inventory", "Ssh"))
                .whereLayer("Etcd")
                .mayOnlyAccessLayers(with("Engine"))
                .whereLayer("Inventory")
                .mayOnlyAccessLayers("Source", "Diagnostic", "Syntax", "Yaml") // reads its file like a runbook's
                .whereLayer("Stdlib")
                .mayOnlyAccessLayers(with("Spi"))
                .whereLayer("Cli")
                .mayNotBeAccessedByAnyLayer()
                .because("ARCHITECTURE.md section 1: dependencies only point down the package table")
                .check(main);
    }

    @Test
    void engineDoesNotUseTheChecker() {
        noClasses()
                .that()
                .resideInAPackage("dev.runbook.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.runbook.check..")
                .because("the engine runs the plan, never the checked runbook (ARCHITECTURE.md sections 1 and 4)")
                .check(main);
    }

    @Test
    void stepFamiliesUseOnlyTheSpiTheLowerLayersAndTheirOwnLibrary() {
        Set<String> families = families();
        assertTrue(families.containsAll(List.of("exec", "git", "mongo", "pm2")), "families found: " + families);
        for (String family : families) {
            List<String> allowed = new ArrayList<>(List.of(
                    "java..",
                    "dev.runbook.spi..",
                    "dev.runbook.model..",
                    "dev.runbook.source..",
                    "dev.runbook.diagnostic..",
                    "dev.runbook.json..",
                    "dev.runbook.stdlib." + family + ".."));
            allowed.addAll(LIBRARIES.getOrDefault(family, List.of()));
            classes()
                    .that()
                    .resideInAPackage("dev.runbook.stdlib." + family + "..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage(allowed.toArray(String[]::new))
                    .because(
                            "a step family imports only the SPI, the lower layers and its own library, not another family nor the list of all")
                    .check(main);
        }
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.runbook.(**)").should().beFreeOfCycles().check(main);
    }

    private static String[] with(String... more) {
        List<String> layers = new ArrayList<>(List.of(BASE));
        layers.addAll(List.of(more));
        return layers.toArray(String[]::new);
    }

    private static Set<String> families() {
        Set<String> out = new TreeSet<>();
        String prefix = "dev.runbook.stdlib.";
        for (JavaClass c : main) {
            if (c.getPackageName().startsWith(prefix)) {
                String rest = c.getPackageName().substring(prefix.length());
                out.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
            }
        }
        return out;
    }
}
