package io.llmgateway.gateway.server;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Redis and PostgreSQL for the multi-process tests: {@code GATEWAY_TEST_REDIS_URL} and
 * {@code GATEWAY_TEST_POSTGRES_URL} (CI exports both, see .ci/run), else Testcontainers when Docker
 * works, else the test is skipped with the reason; in CI ({@code GATEWAY_CI}) it fails instead.
 */
final class SharedServices {

    private static GenericContainer<?> redis;
    private static PostgreSQLContainer postgres;

    private SharedServices() {
    }

    static synchronized String redisUrl() {
        String env = System.getenv("GATEWAY_TEST_REDIS_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        if (redis == null && docker()) {
            redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
            redis.start();
        }
        if (redis == null) {
            missing("Redis: set GATEWAY_TEST_REDIS_URL=redis://127.0.0.1:6379 or start Docker");
        }
        return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
    }

    /** A JDBC URL with credentials in its query string (as the gateway's ledger.url takes it). */
    static synchronized String postgresUrl() {
        String env = System.getenv("GATEWAY_TEST_POSTGRES_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        if (postgres == null && docker()) {
            postgres = new PostgreSQLContainer("postgres:16-alpine");
            postgres.start();
        }
        if (postgres == null) {
            missing("PostgreSQL: set GATEWAY_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres or start Docker");
        }
        return postgres.getJdbcUrl() + "&user=" + postgres.getUsername() + "&password=" + postgres.getPassword();
    }

    static String unique(String prefix) {
        return (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase(Locale.ROOT);
    }

    private static void missing(String what) {
        if (System.getenv("GATEWAY_CI") != null || System.getenv("CI") != null) {
            Assertions.fail("CI must provide " + what);
        }
        Assumptions.abort("no " + what);
    }

    private static boolean docker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
