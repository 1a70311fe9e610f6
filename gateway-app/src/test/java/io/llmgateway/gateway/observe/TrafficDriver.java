package io.llmgateway.gateway.observe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends known traffic to a gateway under test: served, streamed, failed over, failed and refused requests. */
public final class TrafficDriver {

    public static final String KEY = "sk-test-123456";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TrafficDriver(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Answer(int status, String body, String requestId) {
    }

    public Answer chat(String model, boolean stream, int maxTokens) {
        String body = "{\"model\":\"" + model + "\",\"max_tokens\":" + maxTokens + ",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Say something short\"}]}";
        return post("/v1/chat/completions", body);
    }

    /** A chat request declaring a data class (header {@code x-data-class}); with key, as another app. */
    public Answer chatAs(String key, String model, String dataClass) {
        String body = "{\"model\":\"" + model + "\",\"max_tokens\":4,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        return post("/v1/chat/completions", body, key, dataClass);
    }

    public Answer embed(String model) {
        return post("/v1/embeddings", "{\"model\":\"" + model + "\",\"input\":[\"a\",\"b\"]}");
    }

    /** One of each kind: served (3 models, stream and not), embeddings, failed over, failed, unknown model. */
    public List<Answer> mix() {
        List<Answer> out = new ArrayList<>();
        out.add(chat("chat-small", false, 8));
        out.add(chat("chat-small", true, 8));
        out.add(chat("chat-large", true, 12));
        out.add(chat("gpt-4o", false, 6));
        out.add(embed("embed"));
        out.add(chat("chat-flaky", false, 5));
        out.add(chat("broken", false, 5));
        out.add(chat("no-such-model", false, 5));
        return out;
    }

    /** n served requests, up to `parallel` at a time; returns every answer. */
    public List<Answer> burst(int n, int parallel) {
        List<Answer> out = new ArrayList<>();
        for (int i = 0; i < n; i += parallel) {
            List<CompletableFuture<Answer>> batch = new ArrayList<>();
            for (int k = i; k < Math.min(n, i + parallel); k++) {
                boolean stream = k % 2 == 0;
                batch.add(CompletableFuture.supplyAsync(() -> chat("chat-small", stream, 4)));
            }
            batch.forEach(f -> out.add(f.join()));
        }
        return out;
    }

    public String get(String path, String bearer) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer post(String path, String json) {
        return post(path, json, KEY, null);
    }

    private Answer post(String path, String json, String key, String dataClass) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (dataClass != null) {
                b.header("x-data-class", dataClass);
            }
            // a deadline on the whole exchange, body included (HttpRequest.timeout stops at the headers): a stuck
            // stream fails the test with a message instead of hanging it
            CompletableFuture<HttpResponse<String>> f = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> r = f.get(90, TimeUnit.SECONDS);
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("x-request-id").orElse(null));
        } catch (TimeoutException e) {
            throw new IllegalStateException("POST " + path + " " + json + " did not complete within 90 s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("POST " + path + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
