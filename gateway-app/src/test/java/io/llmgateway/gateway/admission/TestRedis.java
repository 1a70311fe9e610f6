package io.llmgateway.gateway.admission;

import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * The Redis that tests use: the server named by {@code GATEWAY_TEST_REDIS_URL} (CI sets it to the real
 * server on 127.0.0.1:6379), else a Testcontainers {@code redis:7} when Docker is available, else the
 * test is skipped with a message. In CI ({@code GATEWAY_CI} or {@code CI} set) a missing Redis fails
 * instead of skipping. Every test uses its own key prefix so parallel runs never collide.
 */
public final class TestRedis {

    private static GenericContainer<?> container;

    private TestRedis() {
    }

    public static synchronized String url() {
        String env = System.getenv("GATEWAY_TEST_REDIS_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        if (container == null && dockerAvailable()) {
            container = new GenericContainer<>("redis:7").withExposedPorts(6379);
            container.start();
        }
        if (container != null) {
            return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
        }
        if (System.getenv("GATEWAY_CI") != null || System.getenv("CI") != null) {
            Assertions.fail("CI must provide Redis: set GATEWAY_TEST_REDIS_URL (.ci/run does)");
        }
        Assumptions.assumeTrue(false, "no Redis for this test: set GATEWAY_TEST_REDIS_URL=redis://127.0.0.1:6379 or start Docker");
        return null;
    }

    /** A key prefix no other test or run uses. */
    public static String prefix() {
        return "llmgw-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
