package io.llmgateway.gateway.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.policy.App;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What classification adds to a typical chat request (system prompt, a few turns with an e-mail and a
 * phone number, one tool), on the event loop, before the first upstream byte. Logged, not asserted: the
 * figure depends on the machine (the JMH benchmark in bench/ is the reference).
 */
class ClassificationOverheadTest {

    static final String POLICY = """
            deployments:
              - {id: d1, pool: p, zone: private, api: openai, url: "http://127.0.0.1:1/v1", model: m}
            models: {chat: [d1]}
            apps:
              - {id: plain, key: sk-plain-123456}
              - {id: masking, key: sk-masking-123456, redact: [confidential]}
            sensitivity:
              findings: {pii: confidential, financial: confidential, secret: secret, source-code: confidential, custom: confidential}
              keywords: {projects: [Bluebird, Falcon, Osprey]}
              regexes: {customer-id: "CUST-[0-9]{8}"}
            """;

    static final String REQUEST = """
            {"model":"chat","messages":[
             {"role":"system","content":"You are the customer-service assistant of an online shop. Answer politely and briefly, in the customer's language. Never promise refunds; explain the process instead. If the customer is angry, apologise once and move on to the solution."},
             {"role":"user","content":"Hi, my order 20240611-88231 has not arrived. It was supposed to come last Tuesday. Can you check where it is? My e-mail is li.lei@example.com."},
             {"role":"assistant","content":"I'm sorry about the delay. I have looked up order 20240611-88231: it left our warehouse on June 12 and is with the courier. Could you confirm the delivery address?"},
             {"role":"user","content":"It is Room 1203, Building 5, Jianguo Road 88, Chaoyang District, Beijing. You can also call me at 13812345678 if the courier cannot find it. 我下午都在家。"}],
             "tools":[{"type":"function","function":{"name":"track_order","description":"Looks up the courier status of an order",
               "parameters":{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}}}]}""";

    @Test
    void logsTheTimeClassificationAddsToATypicalRequest() {
        Policy policy = PolicyLoader.parse("policy.yaml", POLICY);
        RequestClassifier classifier = RequestClassifier.compile(policy, Duration.ZERO);
        OpenAiRequest req = OpenAiRequest.parse(Operation.CHAT, REQUEST.getBytes(StandardCharsets.UTF_8));
        for (String appId : new String[] {"plain", "masking"}) {
            App app = policy.apps().get(appId);
            Classification c = classifier.classify(req, app);
            assertThat(c.audit().detectors()).isEqualTo("cn-mobile:1,email:1");
            for (int i = 0; i < 3_000; i++) {
                classifier.classify(req, app);
            }
            long[] nanos = new long[5_000];
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                classifier.classify(req, app);
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "classification overhead, %d-char chat request, app %s (%s): p50 %.1f us, "
                            + "p90 %.1f us, p99 %.1f us, max %.1f us (load average %.1f)%n", length(req), appId,
                    c.masked() ? "masked" : "scan only", nanos[nanos.length / 2] / 1e3, nanos[nanos.length * 9 / 10] / 1e3,
                    nanos[nanos.length * 99 / 100] / 1e3, nanos[nanos.length - 1] / 1e3,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static int length(OpenAiRequest req) {
        int[] n = {0};
        io.llmgateway.adapter.schema.RequestText.forEach(req, s -> n[0] += s.length());
        return n[0];
    }
}
