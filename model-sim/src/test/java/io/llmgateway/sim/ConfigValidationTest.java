package io.llmgateway.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmgateway.sim.internal.cli.SimCommandLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {

    @Test
    void faultConfigRejectsBadValuesNamingTheField() {
        assertThatThrownBy(() -> FaultConfig.builder().errorRate(1.5).build()).hasMessage("error_rate must be within [0, 1], was 1.5");
        assertThatThrownBy(() -> FaultConfig.builder().status(200).build()).hasMessage("status must be within [400, 599], was 200");
        assertThatThrownBy(() -> FaultConfig.builder().stallMidStreamAfterTokens(-3).build())
                .hasMessage("stall_mid_stream_after_tokens must be >= -1, was -3");
        assertThatThrownBy(() -> FaultConfig.builder().latencyMultiplier(0).build())
                .hasMessage("latency_multiplier must be a finite number > 0, was 0.0");
        assertThat(FaultConfig.none().isNone()).isTrue();
        assertThat(FaultConfig.none().toBuilder().slowDripMs(3).build().isNone()).isFalse();
    }

    @Test
    void nodeConfigRejectsBadValuesNamingTheNode() {
        assertThatThrownBy(() -> SimNodeConfig.of("n1", "a10")).hasMessage("node n1: serve at least one model");
        assertThatThrownBy(() -> SimNodeConfig.builder().id("n2").profile("a10").models("m").port(70000).build())
                .hasMessage("node n2: port must be within [0, 65535], was 70000");
        assertThatThrownBy(() -> SimNodeConfig.builder().id("n3").profile("a10").models("m", "m").build())
                .hasMessageContaining("duplicate model name");
        assertThatThrownBy(() -> SimNodeConfig.builder().id("n4").profile("a10").models("m").speed(0).build())
                .hasMessageContaining("speed must be a finite number > 0");
        SimNodeConfig ok = SimNodeConfig.of("n5", "a100", "Qwen2.5-72B-Instruct");
        assertThat(ok.host()).isEqualTo("127.0.0.1");
        assertThat(ok.port()).isZero();
        assertThat(ok.requireApiKey()).isFalse();
        assertThat(ok.defaultModel()).isEqualTo("Qwen2.5-72B-Instruct");
    }

    @Test
    void commandLineBuildsNodesAndAppliesFaultsByProfileOrId() {
        List<SimNodeConfig> nodes = SimCommandLine.parse(new String[] {
            "--node", "a100:9001:Qwen2.5-72B-Instruct", "--node", "small@a10:9002:Qwen2.5-7B-Instruct,bge-m3",
            "--seed", "42", "--speed", "4", "--fault", "a10:error-rate=0.1,slow_drip_ms=20", "--fault", "a100-9001:hang-before-headers=true"});

        assertThat(nodes).extracting(SimNodeConfig::id).containsExactly("a100-9001", "small");
        assertThat(nodes.get(1).models()).containsExactly("Qwen2.5-7B-Instruct", "bge-m3");
        assertThat(nodes.get(1).faults().errorRate()).isEqualTo(0.1);
        assertThat(nodes.get(1).faults().slowDripMs()).isEqualTo(20);
        assertThat(nodes.get(0).faults().hangBeforeHeaders()).isTrue();
        assertThat(nodes.get(0).speed()).isEqualTo(4);
        assertThat(nodes.get(0).seed()).isNotEqualTo(nodes.get(1).seed());
    }

    @Test
    void commandLineErrorsNameTheArgument() {
        assertThatThrownBy(() -> SimCommandLine.parse(new String[] {"--node", "a10:x:m"})).hasMessageContaining("port must be a number");
        assertThatThrownBy(() -> SimCommandLine.parse(new String[] {"--node", "a10:1:m", "--fault", "a100:error_rate=1"}))
                .hasMessageContaining("no node has id or profile 'a100'");
        assertThatThrownBy(() -> SimCommandLine.parse(new String[] {"--node", "a10:1:m", "--fault", "a10:eror=1"}))
                .hasMessageContaining("unknown fault 'eror'");
        assertThatThrownBy(() -> SimCommandLine.parse(new String[] {"--speed", "2"})).hasMessageContaining("at least one --node");
        assertThatThrownBy(() -> SimCommandLine.parse(new String[] {"--nodes", "x"})).hasMessageContaining("unknown option --nodes");
    }

    @Test
    void portInUseFailsFast() {
        try (SimNode first = SimNode.start(TestNodes.fastA10().build())) {
            assertThatThrownBy(() -> SimNode.start(TestNodes.fastA10().id("second").port(first.port()).build()))
                    .hasMessageContaining("node second: cannot listen on 127.0.0.1:" + first.port());
        }
    }
}
