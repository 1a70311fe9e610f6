package io.llmgateway.bench.load;

import java.util.List;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chat request bodies for trace samples, built once before the run so the driver spends its CPU on
 * sending, not on JSON. The prompt is synthesized from five-letter words so the simulator counts one
 * token per word ({@code ceil(5/5)}), minus the chat template's 4 tokens per message and 3 for the
 * assistant primer; the output length is fixed with {@code max_tokens} = {@code min_tokens} and
 * {@code ignore_eos} (vLLM's sampling parameters, which the gateway forwards untouched).
 */
public final class RequestBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TEMPLATE_TOKENS = 7;
    private static final String[] WORDS = {
        "about", "above", "after", "again", "agent", "alarm", "album", "alert", "align", "alloy", "angle", "apple",
        "apply", "arena", "argue", "audio", "audit", "basic", "batch", "beach", "begin", "below", "bench", "block",
        "board", "brain", "brand", "bread", "break", "brief", "bring", "build", "cable", "cache", "carry", "chain",
        "chart", "check", "chief", "civil", "claim", "class", "clean", "clear", "clock", "cloud", "coast", "count",
        "court", "cover", "craft", "cycle", "daily", "delay", "depth", "draft", "drive", "early", "earth", "entry",
        "event", "exact", "field", "final", "first", "fleet", "floor", "focus", "frame", "fresh", "front", "graph",
        "green", "group", "guard", "guide", "heavy", "hotel", "house", "image", "index", "input", "issue", "label",
        "large", "layer", "learn", "level", "light", "limit", "local", "logic", "major", "match", "metal", "model",
    };

    private final byte[][] bodies;
    private final List<TraceSample> samples;

    private RequestBodies(byte[][] bodies, List<TraceSample> samples) {
        this.bodies = bodies;
        this.samples = samples;
    }

    public static RequestBodies of(List<TraceSample> samples, String model, boolean stream, long seed) {
        byte[][] bodies = new byte[samples.size()][];
        Random random = new Random(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = body(samples.get(i), model, stream, random);
        }
        return new RequestBodies(bodies, List.copyOf(samples));
    }

    /** The body of the {@code n}-th request (cycling through the samples). */
    public byte[] body(long n) {
        return bodies[(int) (n % bodies.length)];
    }

    /** The sample of the {@code n}-th request. */
    public TraceSample sample(long n) {
        return samples.get((int) (n % samples.size()));
    }

    public int size() {
        return bodies.length;
    }

    static byte[] body(TraceSample s, String model, boolean stream, Random random) {
        ObjectNode b = JSON.createObjectNode();
        b.put("model", model);
        ObjectNode msg = b.putArray("messages").addObject();
        msg.put("role", "user");
        msg.put("content", prompt(Math.max(1, s.promptTokens() - TEMPLATE_TOKENS), random));
        b.put("max_tokens", s.outputTokens());
        b.put("min_tokens", s.outputTokens());
        b.put("ignore_eos", true);
        b.put("temperature", 0);
        if (stream) {
            b.put("stream", true);
            b.putObject("stream_options").put("include_usage", true);
        }
        return JSON.writeValueAsBytes(b);
    }

    /** {@code words} five-letter words separated by spaces: the simulator counts one token each. */
    static String prompt(int words, Random random) {
        StringBuilder sb = new StringBuilder(words * 6);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(i % 16 == 0 ? '\n' : ' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
