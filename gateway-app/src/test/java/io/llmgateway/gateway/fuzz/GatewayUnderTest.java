package io.llmgateway.gateway.fuzz;

import static io.llmgateway.gateway.support.FakeUpstream.chatCompletion;
import static io.llmgateway.gateway.support.FakeUpstream.chunk;
import static io.llmgateway.gateway.support.FakeUpstream.finishChunk;
import static io.llmgateway.gateway.support.FakeUpstream.json;
import static io.llmgateway.gateway.support.FakeUpstream.sse;
import static io.llmgateway.gateway.support.FakeUpstream.usageChunk;

import io.llmgateway.gateway.GatewayApplication;
import io.llmgateway.gateway.support.PolicyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The whole gateway, started once per test class (jqwik runs outside Spring's test extension) with a
 * temporary policy whose one deployment is an in-process upstream answering every operation correctly,
 * so whatever goes wrong is the gateway's handling of the client's bytes.
 */
final class GatewayUnderTest implements AutoCloseable {

    /** One answer, read in full within the bound. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    static final Duration BOUND = Duration.ofSeconds(20);
    static final String KEY = "sk-test-123456";

    private final DisposableServer upstream = HttpServer.create().host("127.0.0.1").port(0)
            .handle((req, res) -> req.receive().aggregate().asString().defaultIfEmpty("")
                    .flatMap(body -> Mono.from(answer(req.uri(), body, res))))
            .bindNow(Duration.ofSeconds(10));
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    GatewayUnderTest(Map<String, Object> extraProperties) {
        String policy = "deployments:\n" + PolicyFiles.deployment("up", "http://127.0.0.1:" + upstream.port() + "/v1", null) + """
                models:
                  chat: [up]
                  embed: [up]
                """ + PolicyFiles.APPS;
        Map<String, Object> props = new HashMap<>(Map.of("gateway.policy", PolicyFiles.write(policy).toString(),
                "server.port", "0", "gateway.limits.max-body-bytes", "262144", "gateway.routing.watch", "false",
                "spring.main.banner-mode", "off"));
        props.putAll(extraProperties);
        context = new SpringApplicationBuilder(GatewayApplication.class).properties(props).run();
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    int port() {
        return port;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    Answer post(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(BOUND)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        b.header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY);
        headers.forEach(b::setHeader);
        return send(b.build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> h = new HashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            return new Answer(r.statusCode(), h, r.body());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("no complete answer within " + BOUND + " for " + request.method() + " " + request.uri(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Publisher<Void> answer(String path, String body, HttpServerResponse res) {
        if (path.endsWith("/embeddings")) {
            return json(res, 200, "{\"object\":\"list\",\"model\":\"up-model\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
                    + "\"embedding\":[0.1,0.2]}],\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}");
        }
        if (path.endsWith("/v1/completions")) {
            return json(res, 200, "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"up-model\","
                    + "\"choices\":[{\"index\":0,\"text\":\"ok\",\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":1,\"total_tokens\":3}}");
        }
        if (body.contains("\"stream\":true")) {
            return res.header("content-type", "text/event-stream").sendString(Flux.just(sse(chunk("o")), sse(chunk("k")),
                    sse(finishChunk()), sse(usageChunk(2, 2)), "data: [DONE]\n\n")).then();
        }
        return json(res, 200, chatCompletion("ok", 2, 1));
    }

    @Override
    public void close() {
        context.close();
        upstream.disposeNow(Duration.ofSeconds(5));
    }
}
