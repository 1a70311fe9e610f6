package io.llmgateway.sim.internal.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** One JSON/YAML object of a config file, read field by field with its path for error messages. */
public final class ConfigObject {
    private final String source;
    private final String path;
    private final JsonNode node;

    public ConfigObject(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        if (node == null || !node.isObject()) {
            throw fail(path, "must be an object");
        }
        this.node = node;
    }

    public String path() {
        return path;
    }

    /** Rejects keys outside {@code allowed}; typos in a profile file must not pass silently. */
    public void requireOnly(Set<String> allowed) {
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                throw fail(child(key), "unknown key; allowed keys are " + new TreeSet<>(allowed));
            }
        }
    }

    public boolean has(String key) {
        return node.hasNonNull(key);
    }

    public String string(String key) {
        JsonNode v = required(key);
        if (!v.isString()) {
            throw fail(child(key), "must be a string, was " + v);
        }
        return v.stringValue();
    }

    public String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    public double number(String key) {
        JsonNode v = required(key);
        if (!v.isNumber()) {
            throw fail(child(key), "must be a number, was " + v);
        }
        return v.doubleValue();
    }

    public double number(String key, double fallback) {
        return has(key) ? number(key) : fallback;
    }

    public long integer(String key) {
        JsonNode v = required(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw fail(child(key), "must be an integer, was " + v);
        }
        return v.longValue();
    }

    public long integer(String key, long fallback) {
        return has(key) ? integer(key) : fallback;
    }

    public int smallInteger(String key, int fallback) {
        long v = integer(key, fallback);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw fail(child(key), "is out of range, was " + v);
        }
        return (int) v;
    }

    public List<String> strings(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode v = node.get(key);
        if (!v.isArray()) {
            throw fail(child(key), "must be a list of strings, was " + v);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isString()) {
                throw fail(child(key) + "[" + i + "]", "must be a string, was " + v.get(i));
            }
            out.add(v.get(i).stringValue());
        }
        return out;
    }

    public ConfigObject object(String key) {
        return new ConfigObject(source, child(key), required(key));
    }

    public List<ConfigObject> objects(String key) {
        JsonNode v = required(key);
        if (!v.isArray()) {
            throw fail(child(key), "must be a list, was " + v.getNodeType());
        }
        List<ConfigObject> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new ConfigObject(source, child(key) + "[" + i + "]", v.get(i)));
        }
        return out;
    }

    /** An error at this object, e.g. a constraint failing across several fields. */
    public ProfileFileException fail(String message) {
        return fail(path, message);
    }

    private JsonNode required(String key) {
        if (!has(key)) {
            throw fail(child(key), "is required");
        }
        return node.get(key);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private ProfileFileException fail(String at, String message) {
        return new ProfileFileException(source + ": " + (at.isEmpty() ? "" : at + ": ") + message);
    }
}
