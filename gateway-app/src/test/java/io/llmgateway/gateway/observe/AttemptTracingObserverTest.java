package io.llmgateway.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.gateway.proxy.CallContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Attempt observations from the call's attempt events: one per try, numbered within the request, ended
 * with its outcome on success, error and cancel (also when the call finishes with the attempt still open),
 * and only the W3C trace headers given to the upstream request.
 */
class AttemptTracingObserverTest {

    final List<Observation.Context> started = new CopyOnWriteArrayList<>();
    final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    final ObservationRegistry registry = ObservationRegistry.create();
    final AttemptTracingObserver observer = new AttemptTracingObserver(registry, AttemptTracingObserverTest::deployment);

    /** Deployments named {@code ext...} are external, every other one private. */
    static io.llmgateway.policy.Deployment deployment(String id) {
        return new io.llmgateway.policy.Deployment(id, "p",
                id.startsWith("ext") ? io.llmgateway.policy.Zone.EXTERNAL : io.llmgateway.policy.Zone.PRIVATE,
                "openai", java.net.URI.create("http://h/v1"), "m", null, java.util.Map.of(),
                io.llmgateway.policy.Timeouts.DEFAULTS, java.util.Map.of());
    }

    @Test
    void traceContextNeverLeavesThePrivateCloud() {
        CallContext call = new CallContext("req_ext", Operation.CHAT);
        call.listener(observer);
        call.attemptStarted("ext-vendor");
        org.assertj.core.api.Assertions.assertThat(observer.attemptHeaders(call, "ext-vendor")).isEmpty();
        call.attemptStarted("gpu");
        org.assertj.core.api.Assertions.assertThat(observer.attemptHeaders(call, "gpu")).containsKey("traceparent");
    }

    AttemptTracingObserverTest() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                started.add(context);
                if (context instanceof SenderContext<?> sender) {
                    inject(sender, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-" + "%016x".formatted(started.size()) + "-01");
                    inject(sender, "baggage", "user=alice");
                }
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    @SuppressWarnings("unchecked")
    static <C> void inject(SenderContext<C> sender, String key, String value) {
        sender.getSetter().set(sender.getCarrier(), key, value);
    }

    @Test
    void failoverGivesTwoNumberedAttemptsWithTheirOutcomes() {
        CallContext call = call();
        call.attemptStarted("bad");
        assertThat(call.attemptHeaders("bad")).containsOnlyKeys("traceparent");
        call.attemptEnded("bad", "upstream_error");
        call.attemptStarted("good");
        String second = call.attemptHeaders("good").get("traceparent");
        assertThat(second).endsWith("0000000000000002-01");
        call.attemptEnded("good", "ok");
        observer.completed(call);

        assertThat(stopped).hasSize(2);
        assertThat(stopped).extracting(c -> key(c, "deployment"), c -> key(c, "attempt"), c -> key(c, "outcome"), c -> key(c, "pool"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bad", "1", "upstream_error", "p"),
                        org.assertj.core.groups.Tuple.tuple("good", "2", "ok", "p"));
        assertThat(stopped.get(0).getError()).isInstanceOf(AttemptTracingObserver.AttemptFailed.class);
        assertThat(stopped.get(1).getError()).isNull();
        assertThat(stopped).allSatisfy(c -> assertThat(c.getName()).isEqualTo(AttemptTracingObserver.ATTEMPT));
        assertThat(observer.openCalls()).isZero();
    }

    @Test
    void anAttemptStillOpenWhenTheCallFinishesIsEndedAsCancelled() {
        CallContext call = call();
        call.attemptStarted("slow");
        call.finish(499, null, true);
        observer.completed(call);
        assertThat(stopped).singleElement().satisfies(c -> {
            assertThat(key(c, "outcome")).isEqualTo("cancelled");
            assertThat(c.getError()).isNull();
        });
        assertThat(observer.openCalls()).isZero();
        call.attemptEnded("slow", "cancelled");
        assertThat(stopped).as("ended once").hasSize(1);
    }

    @Test
    void hedgedAttemptsOnTwoDeploymentsAreOpenTogether() {
        CallContext call = call();
        call.attemptStarted("primary");
        call.attemptStarted("backup");
        assertThat(call.attemptHeaders("primary")).isNotEqualTo(call.attemptHeaders("backup"));
        call.attemptEnded("backup", "ok");
        call.attemptEnded("primary", "abandoned");
        assertThat(stopped).extracting(c -> key(c, "deployment") + ":" + key(c, "attempt") + ":" + key(c, "outcome"))
                .containsExactly("backup:2:ok", "primary:1:abandoned");
        assertThat(observer.openCalls()).isZero();
    }

    @Test
    void aNoopRegistryRecordsNothingAndAddsNoHeaders() {
        AttemptTracingObserver off = new AttemptTracingObserver(ObservationRegistry.NOOP, id -> null);
        CallContext call = new CallContext("req_2", Operation.CHAT);
        call.listener(off);
        call.attemptStarted("good");
        assertThat(call.attemptHeaders("good")).isEmpty();
        call.attemptEnded("good", "ok");
        assertThat(off.openCalls()).isZero();
    }

    private CallContext call() {
        CallContext call = new CallContext("req_1", Operation.CHAT);
        call.listener(observer);
        return call;
    }

    private static String key(Observation.Context c, String key) {
        var kv = c.getLowCardinalityKeyValue(key);
        return kv == null ? null : kv.getValue();
    }
}
