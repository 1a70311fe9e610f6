package io.llmgateway.sim.internal.text;

/**
 * Estimates BPE token counts without a vocabulary: a run of ASCII letters counts {@code ceil(len / 5)}
 * tokens, every other non-space character (digit, punctuation, CJK, emoji code point) counts one,
 * whitespace is free. Close to real tokenizers for English prose (about 4 characters per token).
 */
public final class TokenEstimator {
    /** Template overhead per chat message (role markers), as chat templates add. */
    public static final int PER_MESSAGE = 4;
    /** Template overhead of the assistant primer after the last message. */
    public static final int PRIMER = 3;

    private TokenEstimator() {
    }

    public static int count(CharSequence text) {
        int tokens = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (cp < 128 && Character.isLetter(cp)) {
                letters++;
                continue;
            }
            tokens += (letters + 4) / 5;
            letters = 0;
            if (!Character.isWhitespace(cp)) {
                tokens++;
            }
        }
        return tokens + (letters + 4) / 5;
    }
}
