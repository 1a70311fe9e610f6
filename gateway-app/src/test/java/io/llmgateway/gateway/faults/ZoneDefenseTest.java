package io.llmgateway.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.adapter.WireAdapters;
import io.llmgateway.adapter.client.UpstreamClient;
import io.llmgateway.adapter.client.UpstreamClientConfig;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.gateway.proxy.DataClassZoneCheck;
import io.llmgateway.gateway.proxy.Execution;
import io.llmgateway.gateway.proxy.ProxyService;
import io.llmgateway.gateway.resilience.DeploymentGuards;
import io.llmgateway.gateway.resilience.PolicyResilience;
import io.llmgateway.gateway.routing.DeploymentRuntime;
import io.llmgateway.gateway.routing.RoutingState;
import io.llmgateway.gateway.routing.RoutingStateCompiler;
import io.llmgateway.gateway.support.FakeUpstream;
import io.llmgateway.policy.PolicyLoader;
import io.llmgateway.policy.Priority;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Defense in depth: even when handed a candidate list that includes an external deployment (a planner
 * bug, a stale plan), the executor never sends a confidential request there, on the first try, a
 * fallback or a hedge; it skips it, counts it, and fails closed when nothing else is left.
 */
class ZoneDefenseTest {

    final FakeUpstream external = new FakeUpstream((req, res) -> FakeUpstream.json(res, 200, FakeUpstream.chatCompletion("ext", 5, 1)));
    final FakeUpstream internal = new FakeUpstream((req, res) -> FakeUpstream.json(res, 200, FakeUpstream.chatCompletion("priv", 5, 1)));
    final UpstreamClient client = new UpstreamClient(UpstreamClientConfig.DEFAULTS);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        external.close();
        internal.close();
        client.close();
    }

    @Test
    void theExecutorRefusesAZoneTheDataClassForbids() {
        RoutingState state = new RoutingStateCompiler(WireAdapters.standard(), System::getenv).compile(PolicyLoader.parse("test", """
                deployments:
                  - {id: ext, pool: cloud, zone: external, api: openai, url: %s, model: m}
                  - {id: priv, pool: a10, zone: private, api: openai, url: %s, model: m}
                models:
                  m: [priv, ext]
                """.formatted(external.baseUrl(), internal.baseUrl())));
        DeploymentGuards guards = new DeploymentGuards(PolicyResilience::settingsOf, state::policy);
        ProxyService proxy = new ProxyService(client, guards, new DataClassZoneCheck(state::policy), registry);
        DeploymentRuntime ext = state.deployment("ext");
        DeploymentRuntime priv = state.deployment("priv");

        assertThat(proxy.complete(call("confidential"), request(), List.of(ext, priv)).map(r -> new String(r.json(), StandardCharsets.UTF_8)).block(Duration.ofSeconds(10)))
                .contains("priv");
        assertThat(proxy.complete(call("confidential"), request(), new Execution(List.of(ext, priv), Priority.INTERACTIVE,
                Duration.ofMillis(50))).map(r -> new String(r.json(), StandardCharsets.UTF_8)).block(Duration.ofSeconds(10))).as("hedged").contains("priv");
        try {
            proxy.complete(call("secret"), request(), List.of(ext)).block(Duration.ofSeconds(10));
            throw new AssertionError("expected a refusal");
        } catch (GatewayException e) {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("zone_not_allowed");
        }
        assertThat(external.received()).as("nothing ever reached the external deployment").isEmpty();
        assertThat(registry.get("gateway.executor.zone.refused").tag("deployment", "ext").counter().count()).isEqualTo(3.0);

        assertThat(proxy.complete(call("public"), request(), List.of(ext)).map(r -> new String(r.json(), StandardCharsets.UTF_8)).block(Duration.ofSeconds(10)))
                .as("public may go external").contains("ext");
    }

    static CallContext call(String dataClass) {
        CallContext c = new CallContext("req-zone", Operation.CHAT);
        c.dataClass(dataClass);
        return c;
    }

    static OpenAiRequest request() {
        return OpenAiRequest.parse(Operation.CHAT,
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}".getBytes(StandardCharsets.UTF_8));
    }
}
