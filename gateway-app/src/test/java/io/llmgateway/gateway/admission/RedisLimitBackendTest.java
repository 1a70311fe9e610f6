package io.llmgateway.gateway.admission;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The same contract against a real Redis (see {@link TestRedis}). */
class RedisLimitBackendTest extends LimitBackendContract {

    private RedisConnection connection;
    private RedisLimitBackend backend;
    private String app;

    @BeforeEach
    void connect() {
        connection = new RedisConnection(TestRedis.url(), Duration.ofSeconds(2));
        backend = new RedisLimitBackend(connection, TestRedis.prefix());
        app = "app";
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Override
    LimitBackend backend() {
        return backend;
    }

    @Override
    String appId() {
        return app;
    }
}
