package io.llmgateway.adapter.golden;

import static io.llmgateway.adapter.golden.GoldenFiles.json;
import static io.llmgateway.adapter.golden.GoldenFiles.pretty;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.StreamTranslator;
import io.llmgateway.adapter.UpstreamRequest;
import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.WireAdapter;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.error.OpenAiErrorBody;
import io.llmgateway.adapter.schema.AdapterResponse;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.ResponseStamp;
import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Table-driven golden tests of one adapter, from files under {@code golden/<adapter>/}:
 * <ul>
 * <li>{@code target.json}: the deployment (url, model, apiKey, options) every case runs against;
 *     a case may add {@code options.json}</li>
 * <li>{@code request/<case>/}: {@code client.json} (with {@code operation.txt} if not chat) ->
 *     {@code upstream.json} ({@code method}, {@code uri}, {@code headers}, {@code body})</li>
 * <li>{@code response/<case>/}: {@code client.json} + {@code upstream.json} -> {@code expected.json}</li>
 * <li>{@code stream/<case>/}: {@code client.json} + {@code upstream.txt} (raw SSE or NDJSON) ->
 *     {@code expected.txt}, one {@code KIND json} line per chunk, and a last {@code THROWS json}
 *     line when the stream must fail</li>
 * <li>{@code errors.json}: status, headers, body -> status, retryability, Retry-After and the
 *     OpenAI error envelope</li>
 * </ul>
 * Ids and {@code created} the adapter stamps come from {@link #STAMP}.
 */
public final class Golden {

    public static final ResponseStamp STAMP = new ResponseStamp("test", 1700000000L);

    private Golden() {
    }

    public static Stream<DynamicTest> requests(String name, Function<java.util.function.Supplier<ResponseStamp>, WireAdapter> factory) {
        WireAdapter adapter = factory.apply(() -> STAMP);
        return GoldenFiles.cases(name, "request").stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            UpstreamTarget target = target(name, dir);
            UpstreamRequest up = adapter.toUpstream(request(dir), target);
            ObjectNode actual = WireJson.MAPPER.createObjectNode();
            actual.put("method", up.method());
            actual.put("uri", up.uri().toString());
            actual.set("headers", WireJson.MAPPER.valueToTree(new java.util.TreeMap<>(up.headers())));
            actual.set("body", up.body() == null ? null : WireJson.MAPPER.readTree(up.body()));
            compare(dir.resolve("upstream.json"), actual);
        }));
    }

    public static Stream<DynamicTest> responses(String name, Function<java.util.function.Supplier<ResponseStamp>, WireAdapter> factory) {
        WireAdapter adapter = factory.apply(() -> STAMP);
        return GoldenFiles.cases(name, "response").stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            AdapterResponse r = adapter.fromUpstream(request(dir), target(name, dir), GoldenFiles.bytes(dir.resolve("upstream.json")));
            JsonNode actual = WireJson.MAPPER.readTree(r.json());
            compare(dir.resolve("expected.json"), actual);
            Usage expected = usageOf(actual.get("usage"));
            assertThat(r.usage().promptTokens()).as("usage prompt").isEqualTo(expected.promptTokens());
            assertThat(r.usage().completionTokens()).as("usage completion").isEqualTo(expected.completionTokens());
            assertThat(r.usage().cachedPromptTokens()).as("usage cached").isEqualTo(expected.cachedPromptTokens());
        }));
    }

    public static Stream<DynamicTest> streams(String name, Function<java.util.function.Supplier<ResponseStamp>, WireAdapter> factory) {
        WireAdapter adapter = factory.apply(() -> STAMP);
        return GoldenFiles.cases(name, "stream").stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            OpenAiRequest request = request(dir);
            UpstreamTarget target = target(name, dir);
            StreamTranslator translator = adapter.streamTranslator(request, target);
            String actual = StreamReplay.run(adapter.framing(), translator, GoldenFiles.bytes(dir.resolve("upstream.txt")));
            Path expectedFile = dir.resolve("expected.txt");
            if (GoldenFiles.UPDATE) {
                GoldenFiles.update(expectedFile, actual);
                return;
            }
            StreamReplay.assertSameChunks(actual, GoldenFiles.text(expectedFile));
        }));
    }

    public static Stream<DynamicTest> errors(String name, Function<java.util.function.Supplier<ResponseStamp>, WireAdapter> factory) {
        WireAdapter adapter = factory.apply(() -> STAMP);
        Path table = GoldenFiles.root(name).resolve("errors.json");
        if (!Files.exists(table)) {
            return Stream.empty();
        }
        UpstreamTarget target = target(name, null);
        return java.util.stream.StreamSupport.stream(json(table).spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.path("name").asString(""), () -> {
                    JsonNode b = c.path("body");
                    byte[] body = (b.isString() ? b.stringValue() : b.toString()).getBytes(StandardCharsets.UTF_8);
                    Map<String, String> headers = new LinkedHashMap<>();
                    c.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
                    GatewayException e = adapter.toError(c.path("status").asInt(), headers, body, target);
                    JsonNode expect = c.path("expect");
                    assertThat(e.status()).as("status").isEqualTo(expect.path("status").asInt());
                    assertThat(e.retryable()).as("retryable").isEqualTo(expect.path("retryable").asBoolean());
                    assertThat(e.upstreamStatus()).as("upstream status").isEqualTo(c.path("status").asInt());
                    Duration wait = expect.has("retryAfterMs") ? Duration.ofMillis(expect.path("retryAfterMs").asLong()) : null;
                    assertThat(e.retryAfter()).as("retry-after").isEqualTo(wait);
                    JsonNode envelope = OpenAiErrorBody.tree(e);
                    assertThat(pretty(envelope)).as("envelope").isEqualTo(pretty(expect.path("envelope")));
                }));
    }

    static OpenAiRequest request(Path dir) {
        Operation op = Files.exists(dir.resolve("operation.txt"))
                ? Operation.valueOf(GoldenFiles.text(dir.resolve("operation.txt")).strip().toUpperCase(java.util.Locale.ROOT))
                : Operation.CHAT;
        return OpenAiRequest.parse(op, GoldenFiles.bytes(dir.resolve("client.json")));
    }

    static UpstreamTarget target(String name, Path dir) {
        JsonNode t = json(GoldenFiles.root(name).resolve("target.json"));
        Map<String, String> options = new LinkedHashMap<>();
        t.path("options").properties().forEach(e -> options.put(e.getKey(), e.getValue().asString()));
        if (dir != null && Files.exists(dir.resolve("options.json"))) {
            json(dir.resolve("options.json")).properties().forEach(e -> options.put(e.getKey(), e.getValue().asString()));
        }
        Duration s = Duration.ofSeconds(30);
        return new UpstreamTarget("d1", URI.create(t.path("url").asString()), t.path("model").asString(),
                t.path("apiKey").asString(null), Map.of(), options, new UpstreamTarget.Timeouts(s, s, s, s));
    }

    static void compare(Path expectedFile, JsonNode actual) {
        if (GoldenFiles.UPDATE) {
            GoldenFiles.update(expectedFile, pretty(actual) + "\n");
            return;
        }
        JsonNode expected = json(expectedFile);
        if (!expected.equals(actual)) {
            assertThat(pretty(actual)).as(expectedFile.toString()).isEqualTo(pretty(expected));
        }
    }

    static Usage usageOf(JsonNode usage) {
        Usage u = Usage.fromOpenAi(usage);
        return u == null ? Usage.NONE : u;
    }
}
