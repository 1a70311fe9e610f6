package io.llmgateway.policy.sensitivity.code;

import io.llmgateway.policy.sensitivity.text.AsciiChars;

/**
 * One line and the features of its trimmed part ({@code [first, last]}: without leading spaces and
 * tabs, nor trailing chars up to {@code ' '}), found in a single pass that also finds the line's end.
 *
 * @param end        offset of the line's {@code \n}, or the text's length
 * @param first      offset of its first char that is neither space nor tab
 * @param last       offset of its last char above {@code ' '}; below {@code first} for a blank line
 * @param symbols    count of <code>{}[]();=&lt;&gt;</code>
 * @param visible    count of non-blank chars
 * @param words      count of blank-separated words
 * @param operator   whether it has a two-char operator ({@code -> => :: == != && || += -= ++ := </ /> ()})
 * @param call       whether a word char is directly followed by {@code (}
 * @param assignment whether it starts {@code name = value} or {@code name.field = value}
 */
record LineFeatures(int end, int first, int last, int symbols, int visible, int words, boolean operator, boolean call,
                    boolean assignment) {

    /** In {@link #PAIRS}: a non-blank char after a blank one starts a word. */
    private static final int WORD_START = 1;
    private static final int OPERATOR = 2;
    /** In {@link #PAIRS}: a word char followed by {@code (}. */
    private static final int CALL = 4;
    private static final long SYMBOL = 1L << 32;
    /** Per ASCII char: 1 if visible, plus {@link #SYMBOL} if a symbol. Any other char reads as DEL (127). */
    private static final long[] COUNTS = counts();
    /** Per pair of ASCII chars {@code (a << 7) | b}: the flags {@code b} after {@code a} sets. */
    private static final byte[] PAIRS = pairs("-> => /> :: == != += -= := && || ++ </ ()");

    /**
     * The line starting at {@code start}. Two table reads per char and no branch on the char but the
     * newline test, so mixed text does not stall the pipeline: one adds the char's counts, the other
     * gives what it means after the previous char. Leading blanks add nothing; what trailing chars
     * add is taken back once the line's end is known.
     */
    static LineFeatures of(char[] text, int start) {
        long counts = 0;
        int words = 0;
        int flags = 0;
        int prev = ' ';
        int end = start;
        for (; end < text.length; end++) {
            char ch = text[end];
            if (ch == '\n') {
                break;
            }
            int c = Math.min(ch, 127);
            counts += COUNTS[c];
            int pair = PAIRS[(prev << 7) | c];
            words += pair & WORD_START;
            flags |= pair;
            prev = c;
        }
        int first = start;
        while (first < end && isBlank(text[first])) {
            first++;
        }
        int last = end - 1;
        while (last >= first && text[last] <= ' ') {
            last--;
        }
        for (int i = Math.max(last + 1, first + 1); i < end; i++) {
            if (!isBlank(text[i])) {
                counts--;
                words -= isBlank(text[i - 1]) ? 1 : 0;
            }
        }
        return new LineFeatures(end, first, last, (int) (counts >>> 32), (int) counts, words, (flags & OPERATOR) != 0,
                (flags & CALL) != 0, isAssignment(text, first, last + 1));
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    private static long[] counts() {
        long[] counts = new long[128];
        for (int c = 0; c < 128; c++) {
            counts[c] = (isBlank(c) ? 0 : 1) + ("{}[]();=<>".indexOf(c) >= 0 ? SYMBOL : 0);
        }
        return counts;
    }

    private static byte[] pairs(String operators) {
        byte[] pairs = new byte[128 * 128];
        for (int a = 0; a < 128; a++) {
            for (int b = 0; b < 128; b++) {
                pairs[(a << 7) | b] = (byte) ((isBlank(a) && !isBlank(b) ? WORD_START : 0)
                        | (AsciiChars.isWordChar((char) a) && b == '(' ? CALL : 0));
            }
        }
        for (String op : operators.split(" ")) {
            pairs[(op.charAt(0) << 7) | op.charAt(1)] |= OPERATOR;
        }
        return pairs;
    }

    private static boolean isAssignment(char[] text, int start, int end) {
        int i = start;
        while (i < end && (AsciiChars.isWordChar(text[i]) || text[i] == '.' || text[i] == '$')) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < end && text[i] == ' ') {
            i++;
        }
        return i + 1 < end && text[i] == '=' && text[i + 1] != '=';
    }
}
