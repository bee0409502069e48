package dev.runbook.cli.schema;

import dev.runbook.spi.Effect;
import dev.runbook.spi.StepRegistry;
import dev.runbook.spi.StepType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Schema (draft-07, what YAML language servers read best) for YAML runbooks, made from the step registry:
 * the keys the YAML reader accepts, {@code type} as an enum of the step types, and for each type its {@code with}
 * arguments through {@code if/then}. The reader stays the truth; the schema is for editors and CI.
 */
public final class RunbookSchema {
    public static final String ID = "https://runbook.dev/schema/runbook.json";
    private static final String NAME = "^[A-Za-z_][A-Za-z0-9_]*$";
    private static final String PARAM_TYPE =
            "^\\s*(string|int|number|float|bool|duration|path|secret|list|map" + "|enum\\s*\\(.*\\))\\s*$";

    private RunbookSchema() {}

    public static Map<String, Object> of(StepRegistry registry) {
        Map<String, Object> definitions = new LinkedHashMap<>();
        definitions.put(
                "template",
                Obj.of(
                        "type",
                        "string",
                        "pattern",
                        "\\$\\{",
                        "description",
                        "a ${...} template; the checker knows its type"));
        definitions.put(
                "duration",
                Obj.of(
                        "type",
                        "string",
                        "pattern",
                        "^((\\d+(ms|h|m|s))+|.*\\$\\{.*)$",
                        "description",
                        "a duration: 250ms, 30s, 5m, 1h30m (or a ${...} template)"));
        definitions.put(
                "condition",
                Obj.of(
                        "type",
                        List.of("string", "boolean"),
                        "description",
                        "an expression that must be a bool, e.g. it.status == 200"));
        definitions.put("scalar", Obj.of("type", List.of("string", "number", "boolean")));
        definitions.put("param", param());
        definitions.put("guards", guards());
        definitions.put("step_verify", stepVerify());
        definitions.put("retry", retry());
        definitions.put("step", step(registry));
        definitions.put("undo", undo(registry));
        definitions.put("with_by_type", withByType(registry));
        definitions.put("verify", runbookVerify(registry));
        definitions.put("step_list", Obj.of("type", List.of("array", "null"), "items", Obj.ref("step")));
        definitions.put("batch_size", batchSize());
        definitions.put("host_block", hostBlock());

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("runbook", Obj.of("type", "string", "description", "the runbook's name"));
        properties.put("description", Obj.of("type", "string", "description", "one line shown in plans"));
        properties.put(
                "params",
                Obj.of(
                        "type",
                        List.of("object", "null"),
                        "description",
                        "name: type, or name: {type, default, description}; required when there is no default",
                        "propertyNames",
                        Obj.of("pattern", NAME),
                        "additionalProperties",
                        Obj.ref("param")));
        properties.put(
                "lock",
                Obj.of(
                        "allOf",
                        List.of(Obj.ref("scalar")),
                        "description",
                        "the lock scope held for the whole run (default: the runbook's name)"));
        properties.put(
                "require",
                Obj.of(
                        "allOf",
                        List.of(Obj.ref("guards")),
                        "description",
                        "preconditions of the whole run: if one is false nothing runs (exit 4)"));
        properties.put(
                "steps",
                Obj.of(
                        "type",
                        List.of("array", "null"),
                        "description",
                        "the main steps, in order; {parallel: [steps]} runs steps together; {on: group, steps}"
                                + " runs steps on the hosts of a group",
                        "items",
                        Obj.of("anyOf", List.of(Obj.ref("step"), parallel(), Obj.ref("host_block")))));
        properties.put(
                "finally",
                Obj.of(
                        "allOf",
                        List.of(Obj.ref("step_list")),
                        "description",
                        "steps that always run, after success or failure"));
        properties.put(
                "on_failure",
                Obj.of(
                        "allOf",
                        List.of(Obj.ref("step_list")),
                        "description",
                        "steps that run after a failed run's undo (alerts)"));
        properties.put(
                "verify",
                Obj.of(
                        "type",
                        List.of("array", "null"),
                        "description",
                        "proves the outcome after the main steps",
                        "items",
                        Obj.ref("verify")));
        properties.put(
                "invariant",
                Obj.of(
                        "type",
                        List.of("array", "null"),
                        "description",
                        "read steps that must read the same after a failed run's undo as before it (runbook drill)",
                        "items",
                        Obj.of(
                                "type",
                                "object",
                                "required",
                                List.of("id", "type"),
                                "properties",
                                Obj.of(
                                        "id",
                                        Obj.of("type", "string", "pattern", NAME),
                                        "type",
                                        Obj.of("type", "string", "description", "a read step type"),
                                        "with",
                                        Obj.of("type", List.of("object", "null")),
                                        "compare",
                                        Obj.of(
                                                "description",
                                                "the outputs that count (default: all)",
                                                "anyOf",
                                                List.of(
                                                        Obj.of("type", "string"),
                                                        Obj.of("type", "array", "items", Obj.of("type", "string"))))),
                                "additionalProperties",
                                false)));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("$schema", "http://json-schema.org/draft-07/schema#");
        out.put("$id", ID);
        out.put("title", "runbook (YAML)");
        out.put(
                "description",
                "A runbook: params, steps with guards, verifies and undo. `runbook schema` "
                        + "prints this for the step types of this installation.");
        out.put("type", "object");
        out.put("required", List.of("runbook"));
        out.put("properties", properties);
        out.put("patternProperties", Obj.of("^x-", Obj.of("description", "ignored: a place for YAML anchors")));
        out.put("additionalProperties", false);
        out.put("definitions", definitions);
        return out;
    }

    private static Map<String, Object> param() {
        Map<String, Object> type = Obj.of(
                "type",
                "string",
                "pattern",
                PARAM_TYPE,
                "description",
                "string int number bool duration path secret list map enum(\"a\", \"b\")");
        Map<String, Object> full = Obj.of(
                "type",
                "object",
                "required",
                List.of("type"),
                "properties",
                Obj.of(
                        "type",
                        type,
                        "default",
                        Obj.of("description", "the value when none is given (may use ${...})"),
                        "description",
                        Obj.of("type", "string")),
                "additionalProperties",
                false);
        return Obj.of("anyOf", List.of(type, full));
    }

    private static Map<String, Object> guards() {
        Map<String, Object> one = Obj.of(
                "anyOf",
                List.of(
                        Obj.ref("condition"),
                        Obj.of(
                                "type",
                                "object",
                                "required",
                                List.of("that"),
                                "properties",
                                Obj.of("message", Obj.ref("scalar"), "that", Obj.ref("condition")),
                                "additionalProperties",
                                false)));
        return Obj.of("anyOf", List.of(one, Obj.of("type", "array", "items", one)));
    }

    private static Map<String, Object> stepVerify() {
        Map<String, Object> one = Obj.of(
                "anyOf",
                List.of(
                        Obj.ref("condition"),
                        Obj.of(
                                "type",
                                "object",
                                "required",
                                List.of("that"),
                                "properties",
                                Obj.of(
                                        "that",
                                        Obj.ref("condition"),
                                        "within",
                                        Obj.ref("duration"),
                                        "every",
                                        Obj.ref("duration")),
                                "additionalProperties",
                                false)));
        return Obj.of("anyOf", List.of(one, Obj.of("type", "array", "items", one)));
    }

    private static Map<String, Object> retry() {
        Map<String, Object> number = Obj.of("anyOf", List.of(Obj.of("type", "number"), Obj.ref("template")));
        return Obj.of(
                "description",
                "attempts in all; or {attempts, delay, backoff}",
                "anyOf",
                List.of(
                        number,
                        Obj.of(
                                "type",
                                "object",
                                "required",
                                List.of("attempts"),
                                "properties",
                                Obj.of("attempts", number, "delay", Obj.ref("duration"), "backoff", number),
                                "additionalProperties",
                                false)));
    }

    private static Map<String, Object> parallel() {
        return Obj.of(
                "type",
                "object",
                "required",
                List.of("parallel"),
                "properties",
                Obj.of(
                        "parallel",
                        Obj.of(
                                "allOf",
                                List.of(Obj.ref("step_list")),
                                "description",
                                "steps that do not wait for each " + "other")),
                "additionalProperties",
                false);
    }

    private static Map<String, Object> batchSize() {
        return Obj.of(
                "description",
                "a number of hosts, or a percent of them such as \"25%\"",
                "anyOf",
                List.of(
                        Obj.of("type", "integer", "minimum", 0),
                        Obj.of("type", "string", "pattern", "^\\s*\\d+\\s*%\\s*$")));
    }

    private static Map<String, Object> hostBlock() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(
                "on",
                Obj.of(
                        "type",
                        "string",
                        "pattern",
                        NAME,
                        "description",
                        "where the steps run: a group of the inventory, a host name, or all"));
        p.put(
                "as",
                Obj.of(
                        "type",
                        "string",
                        "pattern",
                        NAME,
                        "description",
                        "the block's id (default: the target); later steps read steps.<id>.hosts, .failed, .batches"));
        p.put(
                "rolling",
                Obj.of(
                        "description",
                        "batch sizes, one batch at a time; the last size repeats (default: all hosts at once)",
                        "anyOf",
                        List.of(
                                Obj.ref("batch_size"),
                                Obj.of("type", "array", "minItems", 1, "items", Obj.ref("batch_size")))));
        p.put(
                "max_failures",
                Obj.of(
                        "allOf",
                        List.of(Obj.ref("batch_size")),
                        "description",
                        "how many hosts may fail before the rollout stops (default: none)"));
        p.put(
                "undo_all",
                Obj.of(
                        "type",
                        "boolean",
                        "description",
                        "when the rollout stops, undo the hosts of earlier batches too"));
        p.put(
                "steps",
                Obj.of(
                        "allOf",
                        List.of(Obj.ref("step_list")),
                        "description",
                        "the steps run on each host, through its connection"));
        p.put(
                "verify",
                Obj.of(
                        "type",
                        List.of("array", "null"),
                        "description",
                        "each host's health gate, run from the runner after that host's steps",
                        "items",
                        Obj.ref("verify")));
        return Obj.of(
                "type", "object", "required", List.of("on", "steps"), "properties", p, "additionalProperties", false);
    }

    private static Map<String, Object> step(StepRegistry registry) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(
                "id",
                Obj.of(
                        "type",
                        "string",
                        "pattern",
                        NAME,
                        "description",
                        "the step's id; later steps read " + "steps.<id>.<output>"));
        p.put("type", typeEnum(registry.all(), "the step type (`runbook steps` lists them)"));
        p.put("call", Obj.of("type", "string", "description", "run another runbook (a path) instead of a type"));
        p.put("with", Obj.of("description", "the arguments of the step type"));
        p.put("when", Obj.of("allOf", List.of(Obj.ref("condition")), "description", "skip the step when false"));
        p.put(
                "unless",
                Obj.of(
                        "allOf",
                        List.of(Obj.ref("condition")),
                        "description",
                        "skip the step when true: it is already done"));
        p.put(
                "require",
                Obj.of("allOf", List.of(Obj.ref("guards")), "description", "fail before the step runs when false"));
        p.put(
                "verify",
                Obj.of(
                        "allOf",
                        List.of(Obj.ref("step_verify")),
                        "description",
                        "the step is done only when this holds; `it` is the step's outputs"));
        p.put("retry", Obj.ref("retry"));
        p.put(
                "timeout",
                Obj.of(
                        "allOf",
                        List.of(Obj.ref("duration")),
                        "description",
                        "kill the step (its whole process tree) after this long"));
        p.put("confirm", Obj.of("allOf", List.of(Obj.ref("scalar")), "description", "ask a human this question first"));
        p.put("undo", Obj.ref("undo"));
        p.put(
                "on_failure",
                Obj.of(
                        "enum",
                        List.of("undo", "continue", "stop"),
                        "description",
                        "undo completed steps (default), go on, or stop and leave everything as is"));
        p.put(
                "needs",
                Obj.of(
                        "description",
                        "explicit dependencies: step ids",
                        "anyOf",
                        List.of(Obj.of("type", "string"), Obj.of("type", "array", "items", Obj.of("type", "string")))));
        return Obj.of(
                "type",
                "object",
                "required",
                List.of("id"),
                "properties",
                p,
                "additionalProperties",
                false,
                "oneOf",
                List.of(Obj.of("required", List.of("type")), Obj.of("required", List.of("call"))),
                "allOf",
                List.of(Obj.ref("with_by_type")));
    }

    private static Map<String, Object> undo(StepRegistry registry) {
        Map<String, Object> full = Obj.of(
                "type",
                "object",
                "properties",
                Obj.of(
                        "type",
                        typeEnum(registry.all(), "the step type that compensates this step"),
                        "call",
                        Obj.of("type", "string"),
                        "with",
                        Obj.of("description", "its arguments; `it` is the outputs " + "of the step being undone")),
                "additionalProperties",
                false,
                "oneOf",
                List.of(Obj.of("required", List.of("type")), Obj.of("required", List.of("call"))),
                "allOf",
                List.of(Obj.ref("with_by_type")));
        return Obj.of(
                "description",
                "how to compensate the step; a type name alone, or {type, with}",
                "anyOf",
                List.of(typeEnum(registry.all(), "a step type with no arguments"), full));
    }

    private static Map<String, Object> runbookVerify(StepRegistry registry) {
        List<StepType> probes =
                registry.all().stream().filter(t -> t.effect() == Effect.READ).toList();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", Obj.of("type", "string", "description", "what is proven, shown in plans and reports"));
        p.put("type", typeEnum(probes, "a read-only probe whose outputs `it` reads"));
        p.put("call", Obj.of("type", "string"));
        p.put("with", Obj.of("description", "the probe's arguments"));
        p.put("expect", Obj.of("allOf", List.of(Obj.ref("condition")), "description", "must hold at the end"));
        p.put("within", Obj.ref("duration"));
        p.put("every", Obj.ref("duration"));
        return Obj.of(
                "type",
                "object",
                "required",
                List.of("name", "expect"),
                "properties",
                p,
                "additionalProperties",
                false,
                "allOf",
                List.of(Obj.ref("with_by_type")));
    }

    /** One {@code if type == X then with: X's arguments} per step type. */
    private static Map<String, Object> withByType(StepRegistry registry) {
        List<Object> rules = new ArrayList<>();
        for (StepType t : registry.all()) {
            Map<String, Object> when =
                    Obj.of("required", List.of("type"), "properties", Obj.of("type", Obj.of("const", t.name())));
            Map<String, Object> with = ArgSchemas.with(t);
            boolean needsWith = with.containsKey("required");
            rules.add(Obj.of(
                    "if",
                    when,
                    "then",
                    Obj.of("required", needsWith ? List.of("with") : null, "properties", Obj.of("with", with))));
        }
        return Obj.of("allOf", rules);
    }

    private static Map<String, Object> typeEnum(List<StepType> types, String description) {
        List<Object> names = new ArrayList<>();
        List<Object> descriptions = new ArrayList<>();
        for (StepType t : types) {
            names.add(t.name());
            descriptions.add(t.effect().label() + ": " + t.summary());
        }
        return Obj.of("type", "string", "description", description, "enum", names, "enumDescriptions", descriptions);
    }
}
