package io.llmgateway.policy.yaml;

import io.llmgateway.policy.PolicyException.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node with its path inside the file ({@code deployments[2].url}) and its line, so that every
 * binding error can say exactly where it is. Problems are collected in a shared {@link Problems}
 * list instead of thrown, so one run reports every problem in the file.
 */
public final class ConfigNode {

    private final Node node;
    private final String path;
    private final Problems problems;

    ConfigNode(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        problems.remember(path, line());
    }

    public String path() {
        return path;
    }

    public int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    public Problems problems() {
        return problems;
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** Records a problem at this node and returns null, for use in binder expressions. */
    public <T> T fail(String message) {
        problems.add(new Problem(problems.file(), line(), path, message));
        return null;
    }

    /** Entries of a mapping, in file order; reports a problem if this is not a mapping. */
    public Map<String, ConfigNode> entries() {
        if (!(node instanceof MappingNode map)) {
            fail("expected a mapping, got " + describe());
            return Map.of();
        }
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                new ConfigNode(t.getKeyNode(), path, problems).fail("mapping keys must be plain strings");
                continue;
            }
            String key = k.getValue();
            ConfigNode child = new ConfigNode(t.getValueNode(), join(key), problems);
            if (out.put(key, child) != null) {
                child.fail("duplicate key '" + key + "'");
            }
        }
        return out;
    }

    /** Reports every key not in {@code allowed} (unknown fields are errors: typos must not pass silently). */
    public Map<String, ConfigNode> entries(Set<String> allowed) {
        Map<String, ConfigNode> entries = entries();
        for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                e.getValue().fail("unknown field '" + e.getKey() + "' (allowed: " + String.join(", ", sorted(allowed)) + ")");
            }
        }
        return entries;
    }

    public List<ConfigNode> items() {
        if (!(node instanceof SequenceNode seq)) {
            fail("expected a list, got " + describe());
            return List.of();
        }
        List<ConfigNode> out = new ArrayList<>(seq.getValue().size());
        for (int i = 0; i < seq.getValue().size(); i++) {
            out.add(new ConfigNode(seq.getValue().get(i), path + "[" + i + "]", problems));
        }
        return out;
    }

    /** A string scalar, or null (with a problem recorded) if this node is not one. */
    public String string() {
        if (node instanceof ScalarNode s && !isNull(s)) {
            return s.getValue();
        }
        return fail("expected a string, got " + describe());
    }

    /** A non-blank string, with a problem recorded otherwise. */
    public String text() {
        String s = string();
        if (s != null && s.isBlank()) {
            return fail("must not be blank");
        }
        return s;
    }

    public Long longValue() {
        String s = string();
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException e) {
            return fail("expected an integer, got '" + s + "'");
        }
    }

    public Double doubleValue() {
        String s = string();
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s.replace("_", ""));
        } catch (NumberFormatException e) {
            return fail("expected a number, got '" + s + "'");
        }
    }

    public Boolean bool() {
        String s = string();
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "true", "True", "TRUE", "yes", "on" -> true;
            case "false", "False", "FALSE", "no", "off" -> false;
            default -> fail("expected true or false, got '" + s + "'");
        };
    }

    /** A duration such as {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}; must be positive. */
    public java.time.Duration duration() {
        String s = string();
        if (s == null) {
            return null;
        }
        java.time.Duration d = DurationText.parse(s.trim());
        if (d == null) {
            return fail("expected a duration like 500ms, 5s, 2m or 1h, got '" + s + "'");
        }
        if (d.isZero() || d.isNegative()) {
            return fail("must be positive, got '" + s + "'");
        }
        return d;
    }

    /** A list of strings; a single scalar is accepted as a one-element list. */
    public List<String> strings() {
        if (node instanceof ScalarNode) {
            String s = text();
            return s == null ? List.of() : List.of(s);
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode item : items()) {
            String s = item.text();
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    public String describe() {
        if (node instanceof ScalarNode s) {
            return isNull(s) ? "null" : "'" + s.getValue() + "'";
        }
        return node instanceof MappingNode ? "a mapping" : "a list";
    }

    private static boolean isNull(ScalarNode s) {
        return s.getTag().getValue().endsWith(":null");
    }

    private String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        l.sort(null);
        return l;
    }
}
