package io.llmgateway.gateway.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One streamed chat completion read event by event on its own thread: what arrived and how it ended. */
final class StreamCall {

    enum End { DONE, ERROR_EVENT, CUT, HTTP_ERROR }

    final String requestId;
    final List<String> events = new CopyOnWriteArrayList<>();
    final CountDownLatch firstChunk = new CountDownLatch(1);
    final CompletableFuture<End> end = new CompletableFuture<>();

    private StreamCall(String requestId) {
        this.requestId = requestId;
    }

    static StreamCall start(HttpClient http, URI uri, String key, String body, String requestId) {
        StreamCall call = new StreamCall(requestId);
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .header("x-request-id", requestId).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Thread t = new Thread(() -> call.read(http, req), "stream-" + requestId);
        t.setDaemon(true);
        t.start();
        return call;
    }

    private void read(HttpClient http, HttpRequest req) {
        try {
            HttpResponse<Stream<String>> r = http.send(req, HttpResponse.BodyHandlers.ofLines());
            if (r.statusCode() != 200) {
                r.body().forEach(events::add);
                end.complete(End.HTTP_ERROR);
                return;
            }
            try (Stream<String> lines = r.body()) {
                lines.filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).forEach(e -> {
                    events.add(e);
                    firstChunk.countDown();
                });
            }
            String last = events.isEmpty() ? "" : events.get(events.size() - 1);
            end.complete(last.equals("[DONE]") ? End.DONE : last.contains("\"error\"") ? End.ERROR_EVENT : End.CUT);
        } catch (IOException | UncheckedIOException e) {
            end.complete(End.CUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end.complete(End.CUT);
        }
    }

    boolean awaitFirstChunk(Duration bound) throws InterruptedException {
        return firstChunk.await(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    End awaitEnd(Duration bound) throws Exception {
        return end.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    }
}
