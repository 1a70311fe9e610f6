package io.llmgateway.sim.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic prose: the same seed gives the same tokens. The natural length is drawn from the seed
 * (16..200 tokens, at least {@code minTokens}; exactly {@code maxTokens} with {@code ignoreEos});
 * {@code maxTokens} cuts it with finish reason {@code length}; a stop string ends it with {@code stop}
 * and is not included, like vLLM.
 */
public final class TextGenerator {
    public static final int MIN_NATURAL = 16;
    public static final int MAX_NATURAL = 200;

    private TextGenerator() {
    }

    /** Natural length for a seed, before {@code max_tokens}. */
    public static int naturalLength(long seed) {
        return MIN_NATURAL + new SplittableRandom(Seeds.mix(seed, 1)).nextInt(MAX_NATURAL - MIN_NATURAL + 1);
    }

    public static GeneratedText generate(long seed, int maxTokens, List<String> stops) {
        return generate(seed, maxTokens, stops, 0, false);
    }

    public static GeneratedText generate(long seed, int maxTokens, List<String> stops, int minTokens, boolean ignoreEos) {
        int natural = ignoreEos ? Integer.MAX_VALUE : Math.max(minTokens, naturalLength(seed));
        int length = Math.min(natural, maxTokens);
        String finish = natural > maxTokens ? "length" : "stop";
        SplittableRandom rnd = new SplittableRandom(Seeds.mix(seed, 2));
        List<String> tokens = new ArrayList<>(length);
        StringBuilder text = new StringBuilder();
        boolean sentenceStart = true;
        for (int i = 0; i < length; i++) {
            String token = nextToken(rnd, sentenceStart, i == length - 1 && finish.equals("stop"));
            if (i == 0) {
                token = token.stripLeading();
            }
            sentenceStart = token.equals(".");
            int cut = stopIndex(text, token, stops);
            tokens.add(token);
            if (cut >= 0) {
                return new GeneratedText(truncate(tokens, cut), "stop");
            }
            text.append(token);
        }
        return new GeneratedText(tokens, finish);
    }

    /** Keeps the first {@code chars} characters of the joined tokens, dropping tokens that become empty. */
    private static List<String> truncate(List<String> tokens, int chars) {
        List<String> out = new ArrayList<>();
        int used = 0;
        for (String t : tokens) {
            if (used >= chars) {
                break;
            }
            String kept = t.length() <= chars - used ? t : t.substring(0, chars - used);
            out.add(kept);
            used += kept.length();
        }
        return out;
    }

    private static String nextToken(SplittableRandom rnd, boolean sentenceStart, boolean last) {
        if (last) {
            return ".";
        }
        if (!sentenceStart) {
            int roll = rnd.nextInt(100);
            if (roll < 7) {
                return ".";
            }
            if (roll < 12) {
                return ",";
            }
        }
        String word = Vocabulary.word(rnd);
        if (sentenceStart) {
            word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        return " " + word;
    }

    /** Index in {@code text + token} where the earliest stop string starts, if one ends inside the token; else -1. */
    private static int stopIndex(StringBuilder text, String token, List<String> stops) {
        if (stops.isEmpty()) {
            return -1;
        }
        String joined = text + token;
        int best = -1;
        for (String stop : stops) {
            int from = Math.max(0, text.length() - stop.length() + 1);
            int at = joined.indexOf(stop, from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }
}
