package io.llmgateway.policy;

import io.llmgateway.policy.yaml.ConfigNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of one mapping node with typed, validating getters. A bad value is recorded as a problem
 * on its node (with the path and the value) and the default is returned so binding can go on and
 * report every problem at once; {@link #failed()} then says whether to drop the result.
 */
final class Fields {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final ConfigNode node;
    private final Map<String, ConfigNode> f;
    private final int before;

    private Fields(ConfigNode node, Map<String, ConfigNode> f, int before) {
        this.node = node;
        this.f = f;
        this.before = before;
    }

    static Fields of(ConfigNode node, Set<String> allowed) {
        int before = node.problems().size();
        return new Fields(node, node.entries(allowed), before);
    }

    ConfigNode node() {
        return node;
    }

    boolean has(String key) {
        return f.containsKey(key);
    }

    ConfigNode get(String key) {
        return f.get(key);
    }

    /** True if any problem was recorded under this node since these fields were read. */
    boolean failed() {
        return node.problems().size() != before;
    }

    String required(String key) {
        ConfigNode v = f.get(key);
        return v == null ? node.fail("missing required field '" + key + "'") : v.text();
    }

    String text(String key) {
        ConfigNode v = f.get(key);
        return v == null ? null : v.text();
    }

    String id(String key, boolean required) {
        String id = required ? required(key) : text(key);
        if (id != null && !ID.matcher(id).matches()) {
            return f.get(key).fail("must match " + ID.pattern() + ", got '" + id + "'");
        }
        return id;
    }

    int integer(String key, long min, long max, int absent) {
        return (int) longValue(key, min, max, absent);
    }

    long longValue(String key, long min, long max, long absent) {
        ConfigNode v = f.get(key);
        if (v == null) {
            return absent;
        }
        Long n = v.longValue();
        if (n == null) {
            return absent;
        }
        if (n < min || n > max) {
            v.fail("must be between " + min + " and " + max + ", got " + n);
            return absent;
        }
        return n;
    }

    double number(String key, double min, double max, double absent) {
        ConfigNode v = f.get(key);
        if (v == null) {
            return absent;
        }
        Double n = v.doubleValue();
        if (n == null) {
            return absent;
        }
        if (n.isNaN() || n < min || n > max) {
            v.fail("must be between " + plain(min) + " and " + plain(max) + ", got " + v.string());
            return absent;
        }
        return n;
    }

    Boolean bool(String key) {
        ConfigNode v = f.get(key);
        return v == null ? null : v.bool();
    }

    Duration duration(String key, Duration absent) {
        ConfigNode v = f.get(key);
        if (v == null) {
            return absent;
        }
        Duration d = v.duration();
        return d == null ? absent : d;
    }

    /** An absolute http(s) URL without query or fragment; a trailing {@code /} is dropped. */
    URI url(String key, boolean required) {
        String text = required ? required(key) : text(key);
        if (text == null) {
            return null;
        }
        ConfigNode at = f.get(key);
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return at.fail("must be an absolute http(s) URL with a host, got '" + text + "'");
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                return at.fail("must not carry a query or fragment (use options), got '" + text + "'");
            }
            String s = uri.toString();
            return s.endsWith("/") ? new URI(s.substring(0, s.length() - 1)) : uri;
        } catch (URISyntaxException e) {
            return at.fail("not a valid URL: '" + text + "' (" + e.getReason() + ")");
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
