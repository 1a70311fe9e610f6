package io.llmgateway.policy.live;

/**
 * A minimal reader of the Prometheus text exposition format (0.0.4): visits each sample line as
 * name, raw label text and value; comments, blank lines and unparsable lines are skipped.
 */
public final class PrometheusText {

    /** One sample. {@code labels} is the text between the braces ({@code a="x",b="y"}), empty if none. */
    @FunctionalInterface
    public interface SampleVisitor {
        void sample(String name, String labels, double value);
    }

    private PrometheusText() {
    }

    public static void forEach(CharSequence text, SampleVisitor visitor) {
        int n = text.length();
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n') {
                end++;
            }
            line(text.subSequence(start, end).toString().strip(), visitor);
            start = end + 1;
        }
    }

    private static void line(String line, SampleVisitor visitor) {
        if (line.isEmpty() || line.charAt(0) == '#') {
            return;
        }
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        String name;
        String labels = "";
        String rest;
        if (brace > 0 && (space < 0 || brace < space)) {
            int close = closingBrace(line, brace + 1);
            if (close < 0) {
                return;
            }
            name = line.substring(0, brace);
            labels = line.substring(brace + 1, close);
            rest = line.substring(close + 1).strip();
        } else if (space > 0) {
            name = line.substring(0, space);
            rest = line.substring(space + 1).strip();
        } else {
            return;
        }
        int sp = rest.indexOf(' ');
        String value = sp < 0 ? rest : rest.substring(0, sp);
        double v;
        try {
            v = switch (value) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> Double.parseDouble(value);
            };
        } catch (NumberFormatException e) {
            return;
        }
        visitor.sample(name, labels, v);
    }

    private static int closingBrace(String line, int from) {
        boolean quoted = false;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** The unescaped value of label {@code key} in raw label text, or null. */
    public static String label(String labels, String key) {
        int i = 0;
        int n = labels.length();
        while (i < n) {
            int eq = labels.indexOf('=', i);
            if (eq < 0 || eq + 1 >= n || labels.charAt(eq + 1) != '"') {
                return null;
            }
            String k = labels.substring(i, eq).strip();
            StringBuilder v = new StringBuilder();
            int j = eq + 2;
            for (; j < n && labels.charAt(j) != '"'; j++) {
                char c = labels.charAt(j);
                if (c == '\\' && j + 1 < n) {
                    char e = labels.charAt(++j);
                    v.append(e == 'n' ? '\n' : e);
                } else {
                    v.append(c);
                }
            }
            if (k.equals(key)) {
                return v.toString();
            }
            i = j + 1;
            while (i < n && (labels.charAt(i) == ',' || labels.charAt(i) == ' ')) {
                i++;
            }
        }
        return null;
    }
}
