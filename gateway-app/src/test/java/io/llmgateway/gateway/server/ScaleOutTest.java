package io.llmgateway.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.gateway.server.StreamCall.End;
import io.llmgateway.policy.KeyHash;
import io.llmgateway.sim.GpuProfile;
import io.llmgateway.sim.SimNode;
import io.llmgateway.sim.SimNodeConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two gateway processes sharing Redis (limits) and PostgreSQL (ledger) in front of simulated GPU nodes,
 * nothing in front of them: a global rate limit holds across both, every served request is in the ledger
 * exactly once, SIGKILL of one replica mid-stream cuts only its own streams while the other keeps
 * serving, and SIGTERM drains an in-flight stream to its end before the process exits.
 */
@Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class ScaleOutTest {

    static final String BULK_KEY = "sk-scaleout-bulk-5e1f";
    static final String LIMITED_KEY = "sk-scaleout-limited-77a0";
    static final int RPM = 20;
    static final String SHORT = "{\"model\":\"chat\",\"max_tokens\":4,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    /** vLLM's ignore_eos (the simulator honours it): generate all max_tokens, some seconds of streaming. */
    static final String LONG_STREAM = "{\"model\":\"chat\",\"stream\":true,\"max_tokens\":500,\"ignore_eos\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"write a long story\"}]}";

    static SimNode node;
    static GatewayProcess a;
    static GatewayProcess b;
    static String postgres;
    static String schema;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        String redis = SharedServices.redisUrl();
        postgres = SharedServices.postgresUrl();
        schema = SharedServices.unique("scaleout");
        node = SimNode.start(SimNodeConfig.builder().id("a10-scaleout").profile(GpuProfile.named("a10"))
                .models("Qwen2.5-7B-Instruct").seed(7).build());
        Path policy = Files.createTempFile("scaleout-policy-", ".yaml");
        Files.writeString(policy, """
                deployments:
                  - {id: qwen7-a10, pool: a10, zone: private, api: openai, url: "%s", model: Qwen2.5-7B-Instruct,
                     timeouts: {first-token: 60s, idle: 60s, total: 5m}}
                models:
                  chat: [qwen7-a10]
                apps:
                  - {id: bulk, key: "sha256:%s"}
                  - {id: limited, key: "sha256:%s", limits: {rpm: %d}}
                """.formatted(node.baseUrl(), KeyHash.sha256Hex(BULK_KEY), KeyHash.sha256Hex(LIMITED_KEY), RPM));
        String prefix = SharedServices.unique("llmgw-scaleout");
        Map<String, String> shared = Map.of("gateway.policy", policy.toString(), "gateway.redis.url", redis,
                "gateway.redis.key-prefix", prefix, "gateway.ledger.url", postgres, "gateway.ledger.schema", schema,
                "gateway.admission.replicas", "2", "gateway.routing.watch", "false", "logging.level.root", "WARN",
                "spring.lifecycle.timeout-per-shutdown-phase", "120s");
        a = GatewayProcess.start("replica-a", ServerHardeningTest.freePort(), with(shared, "gateway.ledger.data-dir", tmp("a")));
        b = GatewayProcess.start("replica-b", ServerHardeningTest.freePort(), with(shared, "gateway.ledger.data-dir", tmp("b")));
        a.awaitReady(Duration.ofMinutes(3));
        b.awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        for (GatewayProcess p : new GatewayProcess[] {a, b}) {
            if (p != null) {
                p.close();
            }
        }
        if (node != null) {
            node.close();
        }
        if (postgres != null && schema != null) {
            try (Connection c = DriverManager.getConnection(postgres)) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void replicasShareLimitsAndLedgerAndSurviveEachOther() throws Exception {
        Set<String> servedByB = new HashSet<>();
        Set<String> servedByA = new HashSet<>();

        // 1. one rate limit across both replicas: twice the limit, alternating, within a minute
        int admitted = 0;
        for (int i = 0; i < 2 * RPM; i++) {
            GatewayProcess p = i % 2 == 0 ? a : b;
            String id = "so-limit-" + i;
            int status = post(p, LIMITED_KEY, SHORT, id).statusCode();
            assertThat(status).as("request %s on %s", id, p.name).isIn(200, 429);
            if (status == 200) {
                admitted++;
                (p == a ? servedByA : servedByB).add(id);
            }
        }
        assertThat(admitted).as("admitted across both replicas (limit %d per minute)", RPM).isLessThanOrEqualTo(RPM)
                .isGreaterThanOrEqualTo(RPM / 2);

        // 2. load at both: streams and answers, all served
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<String>> load = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            GatewayProcess p = i % 2 == 0 ? a : b;
            String id = "so-load-" + i;
            boolean stream = i % 3 == 0;
            load.add(pool.submit(() -> {
                HttpResponse<String> r = post(p, BULK_KEY, stream ? SHORT.replace("{", "{\"stream\":true,") : SHORT, id);
                assertThat(r.statusCode()).as("%s on %s: %s", id, p.name, r.body()).isEqualTo(200);
                if (stream) {
                    assertThat(r.body()).as(id).contains("data: [DONE]");
                }
                return id;
            }));
        }
        for (int i = 0; i < load.size(); i++) {
            (i % 2 == 0 ? servedByA : servedByB).add(load.get(i).get());
        }
        pool.shutdown();
        awaitLedger(servedByB); // B's rows are written before B is killed below

        // 3. SIGKILL B mid-stream: its streams are cut, A's finish, A keeps serving
        List<StreamCall> onA = new ArrayList<>();
        List<StreamCall> onB = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            onA.add(StreamCall.start(HTTP, a.uri("/v1/chat/completions"), BULK_KEY, LONG_STREAM, "so-kill-a-" + i));
            onB.add(StreamCall.start(HTTP, b.uri("/v1/chat/completions"), BULK_KEY, LONG_STREAM, "so-kill-b-" + i));
        }
        for (StreamCall s : concat(onA, onB)) {
            assertThat(s.awaitFirstChunk(Duration.ofSeconds(60))).as("first chunk of %s", s.requestId).isTrue();
        }
        b.kill();
        for (StreamCall s : onB) {
            assertThat(s.awaitEnd(Duration.ofSeconds(60))).as("stream %s on the killed replica", s.requestId)
                    .isIn(End.CUT, End.ERROR_EVENT);
        }
        for (StreamCall s : onA) {
            assertThat(s.awaitEnd(Duration.ofMinutes(3))).as("stream %s on the surviving replica", s.requestId).isEqualTo(End.DONE);
            servedByA.add(s.requestId);
        }
        for (int i = 0; i < 4; i++) {
            String id = "so-after-kill-" + i;
            assertThat(post(a, BULK_KEY, SHORT, id).statusCode()).as(id).isEqualTo(200);
            servedByA.add(id);
        }

        // 4. SIGTERM A mid-stream: it stops accepting, drains the stream to [DONE], flushes the ledger, exits
        StreamCall draining = StreamCall.start(HTTP, a.uri("/v1/chat/completions"), BULK_KEY,
                LONG_STREAM.replace("\"max_tokens\":500", "\"max_tokens\":1200"), "so-drain");
        assertThat(draining.awaitFirstChunk(Duration.ofSeconds(60))).isTrue();
        a.terminate();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> refuses(a));
        assertThat(draining.end).as("the stream still runs while new connections are refused").isNotDone();
        assertThat(draining.awaitEnd(Duration.ofMinutes(2))).as("in-flight stream during graceful shutdown").isEqualTo(End.DONE);
        servedByA.add(draining.requestId);
        assertThat(a.awaitExit(Duration.ofMinutes(2))).as("replica A exits after draining:\n%s", a.tail()).isTrue();

        // 5. the ledger: every served request exactly once; the killed replica's cut streams at most once
        Map<String, Integer> rows = ledgerCounts();
        Set<String> served = new HashSet<>(servedByA);
        served.addAll(servedByB);
        for (String id : served) {
            assertThat(rows.get(id)).as("ledger rows of %s", id).isEqualTo(1);
        }
        for (StreamCall s : onB) {
            assertThat(rows.getOrDefault(s.requestId, 0)).as("ledger rows of cut stream %s", s.requestId).isLessThanOrEqualTo(1);
        }
        assertThat(rows.values()).as("no request is accounted twice").allMatch(n -> n == 1);
        assertThat(a.logText() + b.logText()).as("replica logs").doesNotContain(BULK_KEY, LIMITED_KEY, "write a long story");
    }

    private static boolean refuses(GatewayProcess p) {
        try {
            HTTP.send(HttpRequest.newBuilder(p.uri("/actuator/health/liveness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (java.net.ConnectException e) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitLedger(Set<String> ids) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ledgerCounts().keySet().containsAll(ids));
    }

    private static Map<String, Integer> ledgerCounts() throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(postgres);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT request_id, count(*) FROM " + schema + ".usage_ledger GROUP BY request_id")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        } catch (java.sql.SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("does not exist")) {
                throw e;
            }
        }
        return out;
    }

    private static HttpResponse<String> post(GatewayProcess p, String key, String body, String requestId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(p.uri("/v1/chat/completions")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .header("x-request-id", requestId).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }

    private static String tmp(String name) throws java.io.IOException {
        return Files.createTempDirectory("scaleout-" + name + "-").toString();
    }

    private static List<StreamCall> concat(List<StreamCall> x, List<StreamCall> y) {
        List<StreamCall> all = new ArrayList<>(x);
        all.addAll(y);
        return all;
    }
}
