package dev.runbook.inventory;

import dev.runbook.source.Span;
import java.util.List;
import java.util.Map;

/** One host of an inventory. */
public record Host(
        String name,
        String address,
        String user,
        Integer port,
        List<String> groups,
        Map<String, Object> vars,
        boolean local,
        List<String> sshOptions,
        Span span) {}
