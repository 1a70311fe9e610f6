package io.llmgateway.sim;

import static io.llmgateway.sim.SimClient.JSON;
import static io.llmgateway.sim.SimClient.chatBody;
import static io.llmgateway.sim.StreamingBehaviourTest.await;
import static io.llmgateway.sim.TestNodes.CHAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FaultsTest {
    static final String STREAM_40 = chatBody(CHAT, "Hi", "\"stream\":true,\"max_tokens\":40,\"ignore_eos\":true");

    SimNode node;
    SimClient client;

    @BeforeEach
    void start() {
        node = SimNode.start(TestNodes.fastA10().build());
        client = new SimClient(node);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void errorRateOneAnswers500InVllmShape() {
        node.faults().update(f -> f.errorRate(1.0));

        SimClient.Reply reply = client.post("/v1/chat/completions", chatBody(CHAT, "x", ""));
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().get("object").asString()).isEqualTo("error");
        assertThat(reply.json().get("type").asString()).isEqualTo("InternalServerError");
        assertThat(node.metrics().faultsInjected()).isEqualTo(1);
        assertThat(client.get("/health").status()).as("health is not faulted").isEqualTo(200);
    }

    @Test
    void errorRateIsAProbability() {
        node.faults().update(f -> f.errorRate(0.5));

        int errors = 0;
        for (int i = 0; i < 40; i++) {
            errors += client.post("/v1/chat/completions", chatBody(CHAT, "x", "\"max_tokens\":1")).status() == 500 ? 1 : 0;
        }
        assertThat(errors).isBetween(5, 35);
    }

    @Test
    void statusRateAnswersTheStatusWithRetryAfterInTheChosenShape() {
        node.faults().set(FaultConfig.builder().statusRate(1).status(503).retryAfterSeconds(7)
                .statusBody(ErrorBodyFormat.OPENAI).build());

        SimClient.Reply reply = client.post("/v1/chat/completions", chatBody(CHAT, "x", ""));
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.headers().get("Retry-After")).isEqualTo("7");
        assertThat(reply.json().at("/error/type").asString()).isEqualTo("server_error");
        assertThat(reply.json().at("/error/message").asString()).isNotBlank();
    }

    @Test
    void hangBeforeHeadersNeverAnswersAndIsCancelledWhenTheClientGivesUp() throws InterruptedException {
        node.faults().update(f -> f.hangBeforeHeaders(true));

        SimClient impatient = client.withResponseTimeout(Duration.ofMillis(300));
        assertThatThrownBy(() -> impatient.post("/v1/chat/completions", chatBody(CHAT, "x", "")))
                .isInstanceOf(io.netty.handler.timeout.ReadTimeoutException.class);
        await(() -> node.metrics().requestsCancelled() == 1 && node.metrics().activeRequests() == 0);
    }

    @Test
    void stallSendsNTokensThenGoesSilentWithoutClosing() {
        node.faults().update(f -> f.stallMidStreamAfterTokens(3));

        List<String> events = new ArrayList<>();
        assertThatThrownBy(() -> client.stream("/v1/chat/completions", STREAM_40).doOnNext(events::add)
                .timeout(Duration.ofMillis(800)).blockLast(SimClient.TIMEOUT))
                .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        assertThat(events).hasSize(1 + 3);
        assertThat(events).doesNotContain("[DONE]");
    }

    @Test
    void dropClosesTheConnectionAfterNTokens() {
        node.faults().update(f -> f.dropMidStreamAfterTokens(2));

        List<String> events = new ArrayList<>();
        assertThatThrownBy(() -> client.stream("/v1/chat/completions", STREAM_40).doOnNext(events::add)
                .blockLast(SimClient.TIMEOUT))
                .hasMessageContaining("Connection prematurely closed");
        assertThat(events).hasSize(1 + 2);
    }

    @Test
    void malformedChunkIsNotJsonAndTheStreamGoesOn() {
        node.faults().update(f -> f.malformedChunkAfterTokens(2));

        List<String> events = client.stream("/v1/chat/completions", STREAM_40).collectList().block(SimClient.TIMEOUT);
        assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
        String bad = events.get(3);
        assertThatThrownBy(() -> JSON.readTree(bad)).isInstanceOf(tools.jackson.core.JacksonException.class);
        assertThat(events.stream().filter(e -> !e.equals(bad) && !e.equals("[DONE]"))).allSatisfy(JSON::readTree);
    }

    @Test
    void slowDripSpacesOutTheChunks() {
        node.faults().update(f -> f.slowDripMs(40));

        long start = System.nanoTime();
        List<String> events = client.stream("/v1/chat/completions",
                chatBody(CHAT, "Hi", "\"stream\":true,\"max_tokens\":10,\"ignore_eos\":true")).collectList().block(SimClient.TIMEOUT);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(events).hasSize(13);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(10 * 40);
    }

    @Test
    void downRefusesConnectionsUntilUp() {
        int port = node.port();
        node.faults().down();

        assertThat(node.faults().isDown()).isTrue();
        assertThatThrownBy(() -> client.get("/health")).hasRootCauseInstanceOf(ConnectException.class);

        node.faults().up();
        assertThat(node.port()).isEqualTo(port);
        assertThat(client.get("/health").status()).isEqualTo(200);
        assertThat(client.post("/v1/chat/completions", chatBody(CHAT, "x", "")).status()).isEqualTo(200);
    }

    @Test
    void downForComesBackByItself() throws InterruptedException {
        node.faults().down(Duration.ofMillis(300));

        assertThatThrownBy(() -> client.get("/health")).hasRootCauseInstanceOf(ConnectException.class);
        await(() -> !node.faults().isDown());
        assertThat(client.get("/health").status()).isEqualTo(200);
        assertThat(node.faults().current().down()).isFalse();
    }

    @Test
    void downClosesOpenStreams() throws InterruptedException {
        List<String> events = new ArrayList<>();
        var stream = client.stream("/v1/chat/completions",
                        chatBody(CHAT, "Hi", "\"stream\":true,\"max_tokens\":2000,\"ignore_eos\":true"))
                .doOnNext(events::add).then().onErrorResume(e -> reactor.core.publisher.Mono.empty()).toFuture();
        await(() -> events.size() > 2);

        node.faults().down(Duration.ofMillis(200));
        await(stream::isDone);
        assertThat(events).doesNotContain("[DONE]");
        await(() -> node.metrics().running() == 0);
    }

    @Test
    void wrongContentTypeAnswersHtml() {
        node.faults().update(f -> f.wrongContentType(true));

        SimClient.Reply reply = client.post("/v1/chat/completions", chatBody(CHAT, "x", ""));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().get("content-type")).startsWith("text/html");
        assertThat(reply.body()).startsWith("<html>");
    }

    @Test
    void latencyMultiplierSlowsTheModel() {
        String request = chatBody(CHAT, "Hi", "\"max_tokens\":60,\"ignore_eos\":true");
        client.post("/v1/chat/completions", request);
        long normal = timeMs(() -> client.post("/v1/chat/completions", request));
        node.faults().update(f -> f.latencyMultiplier(10));
        long slow = timeMs(() -> client.post("/v1/chat/completions", request));

        assertThat(slow).isGreaterThan(normal * 3);
    }

    @Test
    void adminEndpointSetsReadsAndClearsFaults() {
        SimClient.Reply set = client.post("/admin/faults", "{\"error_rate\":1,\"slow_drip_ms\":5}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(node.faults().current().errorRate()).isEqualTo(1.0);
        assertThat(client.post("/v1/chat/completions", chatBody(CHAT, "x", "")).status()).isEqualTo(500);

        JsonNode read = client.get("/admin/faults").json();
        assertThat(read.get("error_rate").asDouble()).isEqualTo(1.0);
        assertThat(read.get("slow_drip_ms").asLong()).isEqualTo(5);
        assertThat(read.get("stall_mid_stream_after_tokens").isNull()).isTrue();

        assertThat(client.delete("/admin/faults").status()).isEqualTo(200);
        assertThat(node.faults().current().isNone()).isTrue();
        assertThat(client.post("/v1/chat/completions", chatBody(CHAT, "x", "")).status()).isEqualTo(200);
    }

    @Test
    void adminEndpointRejectsUnknownKeysAndBadValues() {
        SimClient.Reply unknown = client.post("/admin/faults", "{\"eror_rate\":1}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asString()).contains("eror_rate");
        assertThat(client.post("/admin/faults", "{\"error_rate\":2}").json().get("message").asString())
                .contains("error_rate must be within [0, 1], was 2.0");
        assertThat(node.faults().current().isNone()).isTrue();
    }

    @Test
    void adminEndpointCanTakeTheNodeDownForAWhile() throws InterruptedException {
        assertThat(client.post("/admin/faults", "{\"down\":true,\"down_for_ms\":400}").status()).isEqualTo(200);

        await(() -> node.faults().isDown());
        assertThatThrownBy(() -> client.get("/health")).hasRootCauseInstanceOf(ConnectException.class);
        await(() -> !node.faults().isDown());
        assertThat(client.get("/health").status()).isEqualTo(200);
    }

    @Test
    void faultsFromTheConfigApplyFromTheStart() {
        try (SimNode faulty = SimNode.start(TestNodes.fastA10().id("faulty")
                .faults(FaultConfig.builder().statusRate(1).status(429).build()).build())) {
            SimClient.Reply reply = new SimClient(faulty).post("/v1/chat/completions", chatBody(CHAT, "x", ""));
            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.json().get("code").asInt()).isEqualTo(429);
        }
    }

    private static long timeMs(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1_000_000;
    }
}
