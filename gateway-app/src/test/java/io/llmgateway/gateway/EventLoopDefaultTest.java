package io.llmgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventLoopDefaultTest {

    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(GatewayApplication.EVENT_LOOPS);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(GatewayApplication.EVENT_LOOPS);
        } else {
            System.setProperty(GatewayApplication.EVENT_LOOPS, saved);
        }
    }

    @Test
    void oneEventLoopPerCpuAndAtLeastTwo() {
        System.clearProperty(GatewayApplication.EVENT_LOOPS);
        GatewayApplication.defaultEventLoops();
        assertThat(System.getProperty(GatewayApplication.EVENT_LOOPS))
                .isEqualTo(Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors())));
    }

    @Test
    void anOperatorsSettingIsKept() {
        System.setProperty(GatewayApplication.EVENT_LOOPS, "7");
        GatewayApplication.defaultEventLoops();
        assertThat(System.getProperty(GatewayApplication.EVENT_LOOPS)).isEqualTo("7");
    }
}
