package io.llmgateway.policy.sensitivity.text;

/**
 * Finds every {@link DigitRun} in a text in one forward pass over its {@link DigitSequences}. A run
 * is "attached" on a side when it continues an ASCII word ({@code A4111...}) or a number
 * ({@code 3.1415}, {@code 1,234}, {@code 12:30}), so detectors can reject it.
 */
public final class DigitRunScanner {

    /** Receives each run; the run object is reused, so copy what must outlive the call. */
    @FunctionalInterface
    public interface RunHandler {
        void onRun(CharSequence text, DigitRun run);
    }

    private DigitRunScanner() {
    }

    public static void scan(CharSequence text, RunHandler handler) {
        ScanText t = ScanText.of(text);
        DigitSequences sequences = DigitSequences.of(t);
        DigitRun run = new DigitRun();
        int n = t.length();
        int i = 0;
        for (int k = 0; k < sequences.count(); k++) {
            if (sequences.start(k) < i) {
                continue;
            }
            i = sequences.start(k);
            run.reset(attachedBefore(t, i));
            int groupStart = i;
            while (true) {
                int groupEnd = groupStart;
                while (groupEnd < n && AsciiChars.isDigit(t.charAt(groupEnd))) {
                    groupEnd++;
                }
                run.addGroup(t.array(), groupStart, groupEnd);
                int next = nextGroup(t, groupEnd);
                if (next < 0) {
                    boolean x = groupEnd < n && (t.charAt(groupEnd) | 0x20) == 'x'
                            && !AsciiChars.isWordCharAt(t, groupEnd + 1);
                    int after = x ? groupEnd + 1 : groupEnd;
                    run.finish(attachedAfter(t, after), x);
                    handler.onRun(t, run);
                    i = after;
                    break;
                }
                if (run.full()) {
                    run.finish(false, false);
                    handler.onRun(t, run);
                    run.reset(false);
                }
                groupStart = next;
            }
        }
    }

    /** Offset of the next group after a separator of 1–2 spaces or one hyphen, or -1. */
    private static int nextGroup(CharSequence text, int from) {
        int n = text.length();
        int k = from;
        int hyphens = 0;
        while (k < n && k - from < 2) {
            char c = text.charAt(k);
            if (c == '-') {
                hyphens++;
            } else if (c != ' ' && c != '\u00A0') {
                break;
            }
            k++;
        }
        if (k == from || hyphens > 1 || k >= n || !AsciiChars.isDigit(text.charAt(k))) {
            return -1;
        }
        return k;
    }

    private static boolean attachedBefore(CharSequence text, int i) {
        if (i == 0) {
            return false;
        }
        char p = text.charAt(i - 1);
        if (AsciiChars.isWordChar(p)) {
            return true;
        }
        return isNumberJoiner(p) && i >= 2 && AsciiChars.isDigit(text.charAt(i - 2));
    }

    private static boolean attachedAfter(CharSequence text, int i) {
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        if (AsciiChars.isWordChar(c)) {
            return true;
        }
        return isNumberJoiner(c) && i + 1 < text.length() && AsciiChars.isDigit(text.charAt(i + 1));
    }

    private static boolean isNumberJoiner(char c) {
        return c == '.' || c == ',' || c == ':' || c == '/';
    }
}
