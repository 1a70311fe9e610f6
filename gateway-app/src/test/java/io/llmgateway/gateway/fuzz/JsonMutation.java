package io.llmgateway.gateway.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * One edit of a JSON request body: characters lost or inserted (JSON's syntax first), a value replaced
 * by a hostile one (huge or special numbers, wrong types, deep nesting), a key duplicated, the text
 * truncated, or a byte turned into invalid UTF-8.
 */
record JsonMutation(int kind, long seed) {

    static final int KINDS = 7;
    private static final String SYNTAX = "{}[]:,\"\\ 0-.eE\t\n";
    static final List<String> HOSTILE = List.of("1e999999", "-1e999999", "99999999999999999999999999999999", "-0", "0.0000000001e-400",
            "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345",
            "NaN", "Infinity", "null", "true", "\"\"", "[]", "{}", "[null]", "{\"\":null}", "\"\\u0000\"", "\"\\ud800\"",
            "\"\\uDFFF\\uD800\"", "\"" + "x".repeat(2000) + "\"", "[" + "[".repeat(100) + "]".repeat(100) + "]",
            "{\"a\":".repeat(80) + "1" + "}".repeat(80), "[{\"role\":\"user\"}]", "[{\"role\":\"tool\",\"content\":5}]",
            "[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":7}]}]", "\"chat\"", "\"embed\"", "\"none\"",
            "-1", "0", "2147483648", "3.5", "\"5\"");

    byte[] apply(byte[] body) {
        Random r = new Random(seed);
        String s = new String(body, StandardCharsets.UTF_8);
        return switch (kind) {
            case 0 -> { // delete a range
                int from = r.nextInt(s.length());
                yield utf8(s.substring(0, from) + s.substring(Math.min(s.length(), from + 1 + r.nextInt(12))));
            }
            case 1 -> { // insert syntax
                int at = r.nextInt(s.length() + 1);
                yield utf8(s.substring(0, at) + SYNTAX.charAt(r.nextInt(SYNTAX.length())) + s.substring(at));
            }
            case 2 -> utf8(replaceValue(s, r)); // hostile value after a colon
            case 3 -> utf8(s.replaceFirst("\\{", "{\"model\":" + HOSTILE.get(r.nextInt(HOSTILE.size())) + ",")); // duplicate key
            case 4 -> utf8(s.substring(0, r.nextInt(s.length()))); // truncate
            case 5 -> { // invalid UTF-8 byte sequence
                byte[] out = body.clone();
                out[r.nextInt(out.length)] = (byte) (0x80 | r.nextInt(0x80));
                yield out;
            }
            default -> utf8(s.replaceFirst("\"[a-z_]+\":", "\"" + pickField(r) + "\":")); // a known field with a foreign value
        };
    }

    private static String replaceValue(String s, Random r) {
        int colon = s.indexOf(':', r.nextInt(s.length()));
        if (colon < 0) {
            return s;
        }
        int end = colon + 1;
        int depth = 0;
        while (end < s.length()) {
            char c = s.charAt(end);
            if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && depth-- == 0) {
                break;
            } else if (c == ',' && depth == 0) {
                break;
            }
            end++;
        }
        return s.substring(0, colon + 1) + HOSTILE.get(r.nextInt(HOSTILE.size())) + s.substring(Math.min(end, s.length()));
    }

    private static String pickField(Random r) {
        List<String> fields = List.of("model", "messages", "stream", "stream_options", "max_tokens", "max_completion_tokens",
                "temperature", "top_p", "n", "tools", "tool_choice", "input", "prompt", "response_format", "logprobs", "stop",
                "presence_penalty", "frequency_penalty", "seed", "user", "logit_bias", "dimensions", "encoding_format");
        return fields.get(r.nextInt(fields.size()));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
