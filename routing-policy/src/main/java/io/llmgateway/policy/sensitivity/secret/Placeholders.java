package io.llmgateway.policy.sensitivity.secret;

import io.llmgateway.policy.sensitivity.text.AsciiChars;
import io.llmgateway.policy.sensitivity.text.ShannonEntropy;

/**
 * Recognises obvious stand-ins for secrets ({@code xxxxxxxx}, {@code ********}, {@code <token>},
 * {@code ${API_KEY}}, {@code {{ secret }}}): values with a run of five or more identical filler
 * chars, template syntax, or too few distinct chars to be random.
 */
final class Placeholders {

    private Placeholders() {
    }

    static boolean isPlaceholder(CharSequence text, int start, int end) {
        int len = end - start;
        if (len == 0) {
            return true;
        }
        char first = text.charAt(start);
        if (first == '$' || first == '<' || first == '{' || first == '%') {
            return true;
        }
        int run = 0;
        char prev = 0;
        for (int i = start; i < end; i++) {
            char c = AsciiChars.fold(text.charAt(i));
            run = c == prev ? run + 1 : 1;
            prev = c;
            if (run >= 5 && (c == 'x' || c == '*' || c == '.' || c == '#' || c == '0' || c == '-')) {
                return true;
            }
        }
        int distinct = ShannonEntropy.distinctChars(text, start, end);
        return len >= 12 ? distinct < 6 : distinct < 3;
    }
}
