package io.llmgateway.gateway.sensitivity;

import io.llmgateway.adapter.schema.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible upstream that records every body it receives and answers with what it was
 * sent: {@code echo: <last message or prompt>}, streamed in 4-char deltas when asked, so a placeholder
 * in the request comes back split across events. Embeddings get a fixed vector.
 */
final class EchoUpstream implements AutoCloseable {

    private final DisposableServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    EchoUpstream() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("{}")
                        .flatMap(body -> {
                            bodies.add(body);
                            return Mono.from(answer(req.uri(), (ObjectNode) WireJson.MAPPER.readTree(body), res));
                        }))
                .bindNow(Duration.ofSeconds(10));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** Request bodies received, oldest first. */
    List<String> bodies() {
        return bodies;
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    private static org.reactivestreams.Publisher<Void> answer(String uri, ObjectNode body, HttpServerResponse res) {
        if (uri.endsWith("/embeddings")) {
            return json(res, "{\"object\":\"list\",\"model\":\"m\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
                    + "\"embedding\":[0.1,0.2]}],\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3}}");
        }
        boolean chat = uri.endsWith("/chat/completions");
        String said = "echo: " + (chat ? lastMessage(body) : body.path("prompt").asString(""));
        if (!body.path("stream").asBoolean(false)) {
            ObjectNode choice = WireJson.MAPPER.createObjectNode().put("index", 0).put("finish_reason", "stop");
            if (chat) {
                choice.putObject("message").put("role", "assistant").put("content", said);
            } else {
                choice.put("text", said);
            }
            ObjectNode answer = WireJson.MAPPER.createObjectNode().put("id", "x")
                    .put("object", chat ? "chat.completion" : "text_completion").put("created", 1).put("model", "m");
            answer.putArray("choices").add(choice);
            answer.putObject("usage").put("prompt_tokens", 5).put("completion_tokens", 7).put("total_tokens", 12);
            return json(res, answer.toString());
        }
        List<String> events = new ArrayList<>();
        for (int i = 0; i < said.length(); i += 4) {
            events.add(event(chat, said.substring(i, Math.min(said.length(), i + 4)), null));
        }
        events.add(event(chat, "", "stop"));
        if (body.path("stream_options").path("include_usage").asBoolean(false)) {
            events.add("{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],"
                    + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}");
        }
        events.add("[DONE]");
        return res.status(200).header("content-type", "text/event-stream")
                .sendString(Flux.fromIterable(events).map(e -> "data: " + e + "\n\n")).then();
    }

    private static String lastMessage(JsonNode body) {
        JsonNode messages = body.path("messages");
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1).path("content").asString("");
    }

    private static String event(boolean chat, String text, String finish) {
        ObjectNode e = WireJson.MAPPER.createObjectNode().put("id", "x")
                .put("object", chat ? "chat.completion.chunk" : "text_completion").put("created", 1).put("model", "m");
        ObjectNode choice = e.putArray("choices").addObject().put("index", 0);
        if (chat) {
            choice.putObject("delta").put("content", text);
        } else {
            choice.put("text", text);
        }
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return e.toString();
    }

    private static org.reactivestreams.Publisher<Void> json(HttpServerResponse res, String body) {
        return res.status(200).header("content-type", "application/json").sendString(Mono.just(body)).then();
    }
}
