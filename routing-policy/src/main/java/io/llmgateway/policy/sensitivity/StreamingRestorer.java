package io.llmgateway.policy.sensitivity;

/**
 * Restores placeholders in a streamed answer: feed each text delta to {@link #push} and emit what
 * it returns, then emit {@link #flush()} at the end of the stream. Text is held back only while it
 * could still be the start of a placeholder ({@code [}, {@code [[EM}, {@code [[EMAIL_1]}), so a
 * placeholder split across deltas is restored whole and everything else passes through at once.
 * Not thread-safe: one per stream (per choice).
 */
public final class StreamingRestorer {

    private final RedactionMap map;
    private final StringBuilder pending = new StringBuilder();

    StreamingRestorer(RedactionMap map) {
        this.map = map;
    }

    /** Accepts the next delta; returns the restored text that can be emitted now (maybe empty). */
    public String push(CharSequence delta) {
        pending.append(delta);
        StringBuilder out = new StringBuilder(pending.length());
        int i = 0;
        int n = pending.length();
        while (i < n) {
            int open = pending.indexOf("[", i);
            if (open < 0) {
                out.append(pending, i, n);
                i = n;
                break;
            }
            out.append(pending, i, open);
            if (open + 1 >= n) {
                i = open;
                break;
            }
            if (pending.charAt(open + 1) != '[') {
                out.append('[');
                i = open + 1;
                continue;
            }
            int end = Placeholder.endAt(pending, open);
            if (end == -2) {
                i = open;
                break;
            }
            if (end == -1) {
                out.append('[');
                i = open + 1;
                continue;
            }
            String placeholder = pending.substring(open, end);
            String original = map.original(placeholder);
            out.append(original != null ? original : placeholder);
            i = end;
        }
        pending.delete(0, i);
        return out.toString();
    }

    /** Ends the stream: returns whatever was held back, as is. */
    public String flush() {
        String rest = pending.toString();
        pending.setLength(0);
        return rest;
    }
}
