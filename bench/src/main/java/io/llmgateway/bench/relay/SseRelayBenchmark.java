package io.llmgateway.bench.relay;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.openai.OpenAiStreamTranslator;
import io.llmgateway.adapter.schema.OpenAiChunk;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.ResponseStamp;
import io.llmgateway.adapter.schema.UpstreamEvent;
import io.llmgateway.adapter.sse.SseDecoder;
import io.llmgateway.adapter.sse.SseFrames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The gateway's per-event streaming path for an OpenAI-compatible upstream (vLLM): the bytes of one upstream
 * read go through {@link SseDecoder#feed}, each event through {@link OpenAiStreamTranslator#onEvent} (parse,
 * normalise, tap usage) and each resulting chunk is framed for the client with {@link SseFrames#data}.
 * {@code chunk}: one token event in a long-running stream (the steady state). {@code stream}: a whole
 * 64-token answer (opening role chunk, tokens, finish chunk, usage chunk, {@code [DONE]}) with a fresh
 * decoder and translator, per event. {@code decodeOnly}, {@code translateOnly} and {@code frameOnly} split
 * {@code chunk} into its three steps, so the cost and the allocation of each are visible. Run with
 * {@code -prof gc} for the allocation per event ({@code gc.alloc.rate.norm}).
 *
 * <pre>java -jar bench/target/benchmarks.jar SseRelay -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SseRelayBenchmark {

    static final int TOKENS = 64;
    private static final int MAX_EVENT_BYTES = 4 * 1024 * 1024;
    private static final String ID = "chatcmpl-8f3a1c2b9d7e4f60a1b2c3d4e5f60718";
    private static final String HEAD = "{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":1732780800,"
            + "\"model\":\"Qwen2.5-7B-Instruct\",\"choices\":[{\"index\":0,\"delta\":";
    private static final String[] WORDS = {" the", " gateway", " routes", " each", " request", " to", " a", " pool",
        " of", " GPUs", ",", " and", " streams", " tokens", " back", "."};

    private final UpstreamTarget target = new UpstreamTarget("qwen7-a10", URI.create("http://127.0.0.1:9002/v1"),
            "Qwen2.5-7B-Instruct", null, Map.of(), Map.of(), new UpstreamTarget.Timeouts(Duration.ofSeconds(5),
            Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(10)));
    private final OpenAiRequest request = OpenAiRequest.parse(Operation.CHAT, ("{\"model\":\"chat-small\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8));
    private final ResponseStamp stamp = new ResponseStamp("benchmarkstamp0000000000", 1732780800L);

    private byte[][] tokenEvents;
    private byte[][] answer;
    private SseDecoder decoder;
    private OpenAiStreamTranslator translator;
    private UpstreamEvent[] decoded;
    private String[] translated;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        tokenEvents = new byte[WORDS.length][];
        for (int i = 0; i < WORDS.length; i++) {
            tokenEvents[i] = event(HEAD + "{\"content\":\"" + WORDS[i] + "\"},\"logprobs\":null,\"finish_reason\":null}]}");
        }
        answer = new byte[TOKENS + 4][];
        answer[0] = event(HEAD + "{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}");
        for (int i = 0; i < TOKENS; i++) {
            answer[i + 1] = tokenEvents[i % tokenEvents.length];
        }
        answer[TOKENS + 1] = event(HEAD + "{},\"logprobs\":null,\"finish_reason\":\"length\",\"stop_reason\":null}]}");
        answer[TOKENS + 2] = event("{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":1732780800,"
                + "\"model\":\"Qwen2.5-7B-Instruct\",\"choices\":[],\"usage\":{\"prompt_tokens\":412,\"total_tokens\":476,"
                + "\"completion_tokens\":64}}");
        answer[TOKENS + 3] = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
        decoder = new SseDecoder(MAX_EVENT_BYTES);
        translator = new OpenAiStreamTranslator(request, target, stamp);
        decoder.feed(answer[0], e -> translator.onEvent(e));
        decoded = new UpstreamEvent[tokenEvents.length];
        translated = new String[tokenEvents.length];
        for (int i = 0; i < tokenEvents.length; i++) {
            int k = i;
            new SseDecoder(MAX_EVENT_BYTES).feed(tokenEvents[i], e -> decoded[k] = e);
            translated[i] = translator.onEvent(decoded[i]).get(0).json();
        }
    }

    /** Step 1 of {@code chunk}: bytes of one read -> SSE event (line split, field parse, data string). */
    @Benchmark
    public void decodeOnly(Blackhole bh) {
        decoder.feed(tokenEvents[next++ & (WORDS.length - 1)], bh::consume);
    }

    /** Step 2 of {@code chunk}: one event -> OpenAI chunk (JSON parse, normalise, usage tap). */
    @Benchmark
    public List<OpenAiChunk> translateOnly() {
        return translator.onEvent(decoded[next++ & (WORDS.length - 1)]);
    }

    /** Step 3 of {@code chunk}: the chunk's JSON -> the client frame {@code data: ...\n\n}. */
    @Benchmark
    public byte[] frameOnly() {
        return SseFrames.data(translated[next++ & (WORDS.length - 1)]);
    }

    /** One token event of a stream in progress: decode, translate, frame. */
    @Benchmark
    public void chunk(Blackhole bh) {
        byte[] bytes = tokenEvents[next++ & (WORDS.length - 1)];
        decoder.feed(bytes, e -> {
            for (OpenAiChunk c : translator.onEvent(e)) {
                bh.consume(SseFrames.data(c.json()));
            }
        });
    }

    /** A whole 64-token answer with a fresh decoder and translator; reported per upstream event. */
    @Benchmark
    @OperationsPerInvocation(TOKENS + 4)
    public void stream(Blackhole bh) {
        SseDecoder d = new SseDecoder(MAX_EVENT_BYTES);
        OpenAiStreamTranslator t = new OpenAiStreamTranslator(request, target, stamp);
        for (byte[] bytes : answer) {
            d.feed(bytes, e -> {
                for (OpenAiChunk c : t.onEvent(e)) {
                    bh.consume(SseFrames.data(c.json()));
                }
            });
        }
        bh.consume(t.usage());
    }

    private static byte[] event(String json) {
        return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
