package io.llmgateway.policy.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One edit of a YAML text, the kind a hurried operator or a broken tool makes: characters lost or
 * inserted (YAML's own syntax characters first), lines duplicated, swapped, re-indented or cut, a
 * scalar replaced by a hostile one (huge number, wrong type, anchors, tags, control characters).
 */
record YamlMutation(int kind, long seed) {

    static final int KINDS = 9;
    private static final String SYNTAX = ":-[]{},&*!|>'\"%@`#?\t\n ";
    private static final List<String> HOSTILE = List.of("99999999999999999999999999999", "-1", "1e309", "NaN", ".inf",
            "~", "null", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]", "!!binary aGVsbG8=", "!!java.lang.Runtime {}", "&a [*a]", "*undefined",
            "\"\\u0000\"", "\"\\uD800\"", "yes", "0x1F", "0o17", "2001-12-14t21:59:43.10-05:00", "'", "\"", "? complex\n: key",
            "\u202e\u0000\u0007", "x".repeat(5000));

    String apply(String yaml) {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>(Arrays.asList(yaml.split("\n", -1)));
        int at = r.nextInt(lines.size());
        switch (kind) {
            case 0 -> { // delete a range of characters
                int from = r.nextInt(yaml.length());
                return yaml.substring(0, from) + yaml.substring(Math.min(yaml.length(), from + 1 + r.nextInt(40)));
            }
            case 1 -> { // insert YAML syntax characters
                int pos = r.nextInt(yaml.length() + 1);
                StringBuilder ins = new StringBuilder();
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    ins.append(SYNTAX.charAt(r.nextInt(SYNTAX.length())));
                }
                return yaml.substring(0, pos) + ins + yaml.substring(pos);
            }
            case 2 -> lines.add(at, lines.get(at)); // duplicate a line: duplicate keys, repeated list items
            case 3 -> { // swap two lines
                int other = r.nextInt(lines.size());
                String t = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, t);
            }
            case 4 -> lines.set(at, " ".repeat(r.nextInt(9)) + lines.get(at).strip()); // re-indent
            case 5 -> { // replace the value of a "key: value" line
                String line = lines.get(at);
                int colon = line.indexOf(": ");
                String value = HOSTILE.get(r.nextInt(HOSTILE.size()));
                lines.set(at, colon < 0 ? line + " " + value : line.substring(0, colon + 2) + value);
            }
            case 6 -> { // truncate
                return yaml.substring(0, r.nextInt(yaml.length()));
            }
            case 7 -> lines.remove(at); // drop a line
            default -> { // flip a random byte into a random code point
                StringBuilder b = new StringBuilder(yaml);
                b.setCharAt(r.nextInt(b.length()), (char) r.nextInt(0x3000));
                return b.toString();
            }
        }
        return String.join("\n", lines);
    }
}
