package dev.runbook.etcd;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a team's state lives in etcd, from {@code etcd://[user[:password]@]host:2379[,host2:2379...]/prefix}
 * with optional {@code ?ttl=30s} (the lock's lease), {@code tls=true} and {@code ca=FILE} (https, trusting that CA;
 * {@code etcds://} is the same as tls=true) and {@code user=NAME}. The password is better given in
 * {@code RUNBOOK_STATE_PASSWORD} than in the URL; either way it is never shown.
 */
public record EtcdConfig(List<URI> endpoints, String prefix, Duration ttl, String user, String password, Path ca) {
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    public static final String PASSWORD_ENV = "RUNBOOK_STATE_PASSWORD";

    public EtcdConfig {
        endpoints = List.copyOf(endpoints);
    }

    /** Whether {@code text} names an etcd state rather than a directory. */
    public static boolean isEtcd(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("etcd://") || t.startsWith("etcds://");
    }

    /** Parses a state URL; a mistake is an IllegalArgumentException whose message says what is wrong. */
    public static EtcdConfig parse(String text, Map<String, String> env) {
        String t = text.strip();
        boolean tls = t.toLowerCase(Locale.ROOT).startsWith("etcds://");
        String rest = t.substring(t.indexOf("://") + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        String user = null;
        String password = env.get(PASSWORD_ENV);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = info.indexOf(':');
            user = colon < 0 ? info : info.substring(0, colon);
            if (colon >= 0) {
                password = info.substring(colon + 1);
            }
        }
        Map<String, String> options = options(query);
        tls |= "true".equals(options.get("tls")) || options.containsKey("ca");
        user = options.getOrDefault("user", user);
        List<URI> endpoints = new ArrayList<>();
        for (String host : authority.split(",")) {
            if (!host.matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}")) {
                throw new IllegalArgumentException(
                        "etcd endpoint '" + host + "' is not host:port (in " + display(text) + ")");
            }
            endpoints.add(URI.create((tls ? "https://" : "http://") + host));
        }
        if (prefix.isBlank() || prefix.contains("//") || prefix.endsWith("/")) {
            throw new IllegalArgumentException(
                    "the etcd state needs a prefix such as /runbook after the hosts (in " + display(text) + ")");
        }
        Duration ttl = options.containsKey("ttl") ? seconds(options.get("ttl")) : DEFAULT_TTL;
        Path ca = options.containsKey("ca") ? Path.of(options.get("ca")) : null;
        return new EtcdConfig(endpoints, prefix, ttl, user, password, ca);
    }

    private static Map<String, String> options(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (!List.of("ttl", "tls", "ca", "user").contains(key)) {
                throw new IllegalArgumentException("unknown etcd state option '" + key + "' (ttl, tls, ca, user)");
            }
            out.put(key, eq < 0 ? "true" : pair.substring(eq + 1));
        }
        return out;
    }

    /** A whole number of seconds (etcd's leases count in seconds): 30s, 2m, or a bare number. */
    private static Duration seconds(String text) {
        String t = text.strip();
        try {
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            long s = Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t);
            if (s >= 1) {
                return Duration.ofSeconds(s);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("ttl needs whole seconds such as 30s or 2m, got '" + text + "'");
    }

    /** The URL as given, with any password replaced by ***. */
    public static String display(String text) {
        return text.replaceAll("(://[^:/@,]+):[^@/]*@", "$1:***@");
    }

    /** This state as a URL that finds it again, without the password. */
    public String url() {
        boolean tls = endpoints.get(0).getScheme().equals("https");
        StringBuilder s = new StringBuilder(tls && ca == null ? "etcds://" : "etcd://");
        if (user != null) {
            s.append(user).append('@');
        }
        for (int i = 0; i < endpoints.size(); i++) {
            s.append(i == 0 ? "" : ",").append(endpoints.get(i).getAuthority());
        }
        s.append('/').append(prefix);
        List<String> opts = new ArrayList<>();
        if (!ttl.equals(DEFAULT_TTL)) {
            opts.add("ttl=" + ttl.toSeconds() + "s");
        }
        if (ca != null) {
            opts.add("ca=" + ca);
        }
        return opts.isEmpty() ? s.toString() : s + "?" + String.join("&", opts);
    }
}
