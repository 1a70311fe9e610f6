package io.llmgateway.sim;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A test client for one node: blocking JSON calls and SSE streams (data payloads without the prefix). */
final class SimClient {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;

    SimClient(SimNode node) {
        this(node.rootUrl());
    }

    SimClient(String rootUrl) {
        this.http = HttpClient.newConnection().baseUrl(rootUrl).responseTimeout(TIMEOUT);
    }

    SimClient withResponseTimeout(Duration timeout) {
        return new SimClient(http.responseTimeout(timeout));
    }

    SimClient withHeader(String name, String value) {
        return new SimClient(http.headers(h -> h.set(name, value)));
    }

    private SimClient(HttpClient http) {
        this.http = http;
    }

    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Reply post(String path, String body) {
        return send(http.post().uri(path).send(ByteBufFlux.fromString(Mono.just(body))));
    }

    Reply get(String path) {
        return send(http.get().uri(path));
    }

    Reply delete(String path) {
        return send(http.delete().uri(path));
    }

    private Reply send(HttpClient.ResponseReceiver<?> request) {
        return request.responseSingle((res, content) -> content.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .map(body -> new Reply(res.status().code(), res.responseHeaders(), body)))
                .block(TIMEOUT);
    }

    /** SSE data payloads of a POST, as they arrive; "[DONE]" included. */
    Flux<String> stream(String path, String body) {
        return http.post().uri(path).send(ByteBufFlux.fromString(Mono.just(body)))
                .response((res, content) -> {
                    if (res.status().code() != 200) {
                        return Flux.error(new IllegalStateException("status " + res.status().code()));
                    }
                    return splitEvents(content.asString(StandardCharsets.UTF_8));
                });
    }

    /** Splits a text stream into SSE events and returns each event's data payload. */
    static Flux<String> splitEvents(Flux<String> text) {
        StringBuilder buf = new StringBuilder();
        return text.concatMapIterable(piece -> {
            buf.append(piece);
            List<String> out = new ArrayList<>();
            int end;
            while ((end = buf.indexOf("\n\n")) >= 0) {
                String event = buf.substring(0, end);
                buf.delete(0, end + 2);
                for (String line : event.split("\n")) {
                    if (line.startsWith("data: ")) {
                        out.add(line.substring(6));
                    }
                }
            }
            return out;
        });
    }

    static String chatBody(String model, String user, String extra) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + user + "\"}]"
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }
}
