package io.llmgateway.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.gateway.support.FakeUpstream;
import io.llmgateway.gateway.support.PolicyFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/** Admission over HTTP: OpenAI-style 429s and headers, budgets, concurrency slots freed on client disconnect. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdmissionHttpTest {

    static final FakeUpstream UP = new FakeUpstream((req, res) -> FakeUpstream.json(res, 200, FakeUpstream.chatCompletion("hi", 5, 1)));
    static final FakeUpstream TRICKLE = new FakeUpstream((req, res) -> res.header("content-type", "text/event-stream")
            .sendString(Flux.interval(Duration.ofMillis(100)).map(i -> FakeUpstream.sse(FakeUpstream.chunk("t" + i)))).then());
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry r) {
        String yaml = "deployments:\n"
                + PolicyFiles.deployment("up", UP.baseUrl(), "price: {input-per-1m: 1000, output-per-1m: 1000}")
                + PolicyFiles.deployment("trickle", TRICKLE.baseUrl(), null)
                + """
                models:
                  chat: [up]
                  trickle: [trickle]
                apps:
                  - id: rpm-app
                    key: sk-rpm-1234567
                    limits: {rpm: 2, tpm: 100000}
                  - id: budget-app
                    key: sk-budget-1234567
                    budget: {daily: 0.05, soft-percent: 50}
                  - id: conc-app
                    key: sk-conc-1234567
                    limits: {per-model: {trickle: {concurrency: 1}}}
                  - id: tpm-app
                    key: sk-tpm-1234567
                    limits: {tpm: 50}
                """;
        r.add("gateway.policy", () -> PolicyFiles.write(yaml).toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    AdmissionService admission;

    @AfterAll
    static void stop() {
        UP.close();
        TRICKLE.close();
    }

    HttpResponse<String> post(String key, String model, boolean stream, int maxTokens) {
        return send(request(key, model, stream, maxTokens), HttpResponse.BodyHandlers.ofString()).join();
    }

    HttpRequest request(String key, String model, boolean stream, int maxTokens) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"stream\":" + stream
                        + ",\"max_tokens\":" + maxTokens + ",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}")).build();
    }

    static <T> CompletableFuture<HttpResponse<T>> send(HttpRequest r, HttpResponse.BodyHandler<T> h) {
        return HTTP.sendAsync(r, h);
    }

    @Test
    void overTheRequestLimitIs429WithOpenAiHeaders() {
        HttpResponse<String> ok = post("sk-rpm-1234567", "chat", false, 10);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("x-ratelimit-limit-requests")).hasValue("2");
        assertThat(ok.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("1");
        assertThat(ok.headers().firstValue("x-ratelimit-limit-tokens")).hasValue("100000");
        assertThat(ok.headers().firstValue("x-ratelimit-reset-requests")).isPresent();
        assertThat(post("sk-rpm-1234567", "chat", false, 10).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = post("sk-rpm-1234567", "chat", false, 10);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("retry-after")).isPresent();
        assertThat(refused.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
        assertThat(refused.headers().firstValue("x-should-retry")).as("a rate limit passes: SDKs may retry").isEmpty();
        var error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("type").asString()).isEqualTo("rate_limit_error");
        assertThat(error.path("code").asString()).isEqualTo("rate_limit_exceeded");
        assertThat(error.path("message").asString()).contains("requests per minute").contains("Limit 2");
    }

    @Test
    void aRequestLargerThanItsWholeTpmLimitIsToldNotToRetry() {
        HttpResponse<String> refused = post("sk-tpm-1234567", "chat", false, 500);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(refused.body()).path("error").path("code").asString()).isEqualTo("request_too_large_for_limit");
        assertThat(refused.headers().firstValue("x-should-retry")).as("it would be refused again at once").hasValue("false");
        assertThat(post("sk-tpm-1234567", "chat", false, 10).statusCode()).as("a request within the limit passes").isEqualTo(200);
    }

    @Test
    void aSpentBudgetIs429InsufficientQuota() {
        int served = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 20; i++) {
            last = post("sk-budget-1234567", "chat", false, 5);
            if (last.statusCode() != 200) {
                break;
            }
            served++;
        }
        assertThat(last.statusCode()).isEqualTo(429);
        var error = JSON.readTree(last.body()).path("error");
        assertThat(error.path("type").asString()).isEqualTo("insufficient_quota");
        assertThat(error.path("code").asString()).isEqualTo("budget_exceeded");
        assertThat(last.headers().firstValue("retry-after")).isPresent();
        assertThat(last.headers().firstValue("x-should-retry")).as("a spent budget stays spent").hasValue("false");
        assertThat(served).as("USD 0.006 real cost each against USD 0.05").isBetween(6, 8);
    }

    @Test
    void aClientThatDisconnectsFreesItsConcurrencySlot() {
        CompletableFuture<HttpResponse<java.io.InputStream>> first = send(request("sk-conc-1234567", "trickle", true, 50),
                HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<java.io.InputStream> streaming = first.join();
        assertThat(streaming.statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> admission.open() >= 1);

        HttpResponse<String> second = post("sk-conc-1234567", "trickle", true, 50);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(second.body()).path("error").path("code").asString()).isEqualTo("concurrency_limit_exceeded");

        try {
            streaming.body().close();
        } catch (java.io.IOException ignored) {
            // disconnecting is the point
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> admission.open() == 0);
        CompletableFuture<HttpResponse<java.io.InputStream>> third = send(request("sk-conc-1234567", "trickle", true, 50),
                HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<java.io.InputStream> again = third.join();
        assertThat(again.statusCode()).as("slot freed by the disconnect").isEqualTo(200);
        try {
            again.body().close();
        } catch (java.io.IOException ignored) {
            // done
        }
    }
}
