package dev.runbook.plan;

import dev.runbook.json.Json;
import dev.runbook.spi.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a saved plan (its JSON, from {@code plan --out}) no longer matches the plan made now, one line per change, in
 * words an operator can act on: a file of the call tree, a param, the lock, a step added or removed, a field of a
 * step. The review diff of two revisions is {@code plan.diff.PlanDiffer}; this one only names what refuses a run.
 */
public final class SavedPlanChanges {
    private static final int SHOWN = 60;

    private SavedPlanChanges() {}

    public static List<String> between(Map<String, Object> before, Map<String, Object> now) {
        List<String> out = new ArrayList<>();
        Object beforeSha = source(before).get("sha256");
        Object nowSha = source(now).get("sha256");
        if (beforeSha != null && !beforeSha.equals(nowSha)) {
            out.add("runbook source changed (sha256 " + abbrev(beforeSha) + " -> " + abbrev(nowSha) + ")");
        }
        sources(map(before.get("sources")), map(now.get("sources")), out);
        for (String key : List.of("runbook", "description", "lock", "requires", "waves", "verify")) {
            if (!same(before.get(key), now.get(key))) {
                out.add(key + ": " + show(before.get(key)) + " -> " + show(now.get(key)));
            }
        }
        params(map(before.get("params")), map(now.get("params")), out);
        for (String chain : List.of("steps", "finally", "on_failure")) {
            steps(chain, list(before.get(chain)), list(now.get(chain)), out);
        }
        return out;
    }

    /** Each file of the call tree that was added, removed or changed, by name. */
    private static void sources(Map<String, Object> before, Map<String, Object> now, List<String> out) {
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(now.keySet());
        for (String n : names) {
            if (!before.containsKey(n)) {
                out.add("file " + n + " is now part of the plan");
            } else if (!now.containsKey(n)) {
                out.add("file " + n + " is no longer part of the plan");
            } else if (!same(before.get(n), now.get(n))) {
                out.add("file " + n + " changed (sha256 " + abbrev(before.get(n)) + " -> " + abbrev(now.get(n)) + ")");
            }
        }
    }

    private static void params(Map<String, Object> before, Map<String, Object> now, List<String> out) {
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(now.keySet());
        for (String n : names) {
            if (!before.containsKey(n)) {
                out.add("param " + n + " added: " + show(now.get(n)));
            } else if (!now.containsKey(n)) {
                out.add("param " + n + " removed");
            } else if (!same(before.get(n), now.get(n))) {
                out.add("param " + n + ": " + show(before.get(n)) + " -> " + show(now.get(n)));
            }
        }
    }

    private static void steps(String chain, List<Object> before, List<Object> now, List<String> out) {
        Map<String, Map<String, Object>> old = byId(before);
        Map<String, Map<String, Object>> cur = byId(now);
        String what = chain.equals("steps") ? "step " : chain + " step ";
        for (String id : old.keySet()) {
            if (!cur.containsKey(id)) {
                out.add(what + id + " removed");
            }
        }
        for (Map.Entry<String, Map<String, Object>> e : cur.entrySet()) {
            Map<String, Object> was = old.get(e.getKey());
            if (was == null) {
                out.add(what + e.getKey() + " added");
                continue;
            }
            fields(what + e.getKey(), was, e.getValue(), out);
        }
    }

    private static void fields(String name, Map<String, Object> was, Map<String, Object> now, List<String> out) {
        Set<String> keys = new LinkedHashSet<>(was.keySet());
        keys.addAll(now.keySet());
        keys.remove("probe");
        for (String k : keys) {
            if (k.equals("args") && !same(was.get(k), now.get(k))) {
                Map<String, Object> a = map(was.get(k));
                Map<String, Object> b = map(now.get(k));
                Set<String> args = new LinkedHashSet<>(a.keySet());
                args.addAll(b.keySet());
                args.stream()
                        .filter(x -> !same(a.get(x), b.get(x)))
                        .forEach(x -> out.add(name + ": arg " + x + ": " + show(a.get(x)) + " -> " + show(b.get(x))));
            } else if (!k.equals("args") && !same(was.get(k), now.get(k))) {
                out.add(name + ": " + k + ": " + show(was.get(k)) + " -> " + show(now.get(k)));
            }
        }
    }

    private static Map<String, Map<String, Object>> byId(List<Object> steps) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        steps.forEach(s -> out.put(String.valueOf(map(s).get("id")), map(s)));
        return out;
    }

    private static boolean same(Object a, Object b) {
        return Json.write(a).equals(Json.write(b));
    }

    private static String show(Object v) {
        if (v == null) {
            return "(none)";
        }
        String text = v instanceof String s ? "\"" + s + "\"" : Values.show(v);
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text;
    }

    private static String abbrev(Object sha) {
        String s = String.valueOf(sha);
        return s.length() > 12 ? s.substring(0, 12) : s;
    }

    private static Map<String, Object> source(Map<String, Object> plan) {
        return map(plan.get("source"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
