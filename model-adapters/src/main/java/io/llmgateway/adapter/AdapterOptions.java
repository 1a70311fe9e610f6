package io.llmgateway.adapter;

import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a deployment's adapter {@code options:} strictly: an option the adapter does not know, a
 * missing required one, or a bad value is an {@link IllegalArgumentException} that names the
 * deployment, the option and the value, so a policy with a typo is rejected at load time instead of
 * failing (or silently misbehaving) on the first request.
 */
public final class AdapterOptions {

    private final String api;
    private final UpstreamTarget target;

    private AdapterOptions(String api, UpstreamTarget target) {
        this.api = api;
        this.target = target;
    }

    /** Options of {@code target}, refusing any name outside {@code known}. */
    public static AdapterOptions of(String api, UpstreamTarget target, Set<String> known) {
        AdapterOptions o = new AdapterOptions(api, target);
        for (String name : target.options().keySet()) {
            if (!known.contains(name)) {
                throw o.bad(name, "is not an option of this adapter (known: "
                        + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))) + ")");
            }
        }
        return o;
    }

    public String required(String name) {
        String v = target.options().get(name);
        if (v == null || v.isBlank()) {
            throw bad(name, "is required");
        }
        return v.strip();
    }

    public String string(String name, String fallback) {
        String v = target.options().get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    public int positiveInt(String name, int fallback) {
        String v = target.options().get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad(name, "must be a positive integer, got '" + v + "'");
    }

    public boolean bool(String name, boolean fallback) {
        String v = target.options().get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return switch (v.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(name, "must be true or false, got '" + v + "'");
        };
    }

    /** One of {@code allowed}, or {@code fallback} when absent. */
    public String oneOf(String name, String fallback, Set<String> allowed) {
        String v = string(name, fallback);
        if (!allowed.contains(v)) {
            throw bad(name, "must be one of " + String.join(", ", new TreeSet<>(allowed)) + ", got '" + v + "'");
        }
        return v;
    }

    private IllegalArgumentException bad(String name, String problem) {
        return new IllegalArgumentException("deployment '" + target.deploymentId() + "' (api " + api
                + "): option '" + name + "' " + problem);
    }
}
