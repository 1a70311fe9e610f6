package io.llmgateway.adapter.schema;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The id and creation time a translating adapter stamps on an answer when the upstream supplies
 * none (Ollama, TGI), and the ids of tool calls the upstream left unnamed.
 *
 * @param token   random part shared by the ids of one answer
 * @param created Unix seconds
 */
public record ResponseStamp(String token, long created) {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    public ResponseStamp {
        Objects.requireNonNull(token, "token");
    }

    /** Fresh stamps: a random 24-character token and the clock's current second. */
    public static Supplier<ResponseStamp> random(Clock clock) {
        return () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            char[] c = new char[24];
            for (int i = 0; i < c.length; i++) {
                c[i] = ALPHABET[r.nextInt(ALPHABET.length)];
            }
            return new ResponseStamp(new String(c), clock.instant().getEpochSecond());
        };
    }

    /** {@code chatcmpl-...} for chat, {@code cmpl-...} for legacy completions. */
    public String id(Operation operation) {
        return (operation == Operation.COMPLETIONS ? "cmpl-" : "chatcmpl-") + token;
    }

    /** The id of the {@code index}-th tool call of this answer. */
    public String toolCallId(int index) {
        return "call_" + token + "_" + index;
    }
}
