package io.llmgateway.gateway.ledger;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests: {@code GATEWAY_TEST_POSTGRES_URL} (CI sets it to the machine's server),
 * else a Testcontainers container when Docker works, else the test is skipped (in CI, where
 * {@code GATEWAY_CI=1}, it fails instead). Each test run uses its own schema.
 *
 * @param host     server host
 * @param port     server port
 * @param database database name
 * @param query    the URL's query string (user, password...), or empty
 * @param user     user for the container case, else null
 * @param password password for the container case, else null
 */
record TestPostgres(String host, int port, String database, String query, String user, String password) {

    private static PostgreSQLContainer container;

    static TestPostgres get() {
        String url = System.getenv("GATEWAY_TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            return parse(url);
        }
        if (dockerAvailable()) {
            synchronized (TestPostgres.class) {
                if (container == null) {
                    container = new PostgreSQLContainer("postgres:16-alpine");
                    container.start();
                }
            }
            TestPostgres p = parse(container.getJdbcUrl());
            return new TestPostgres(p.host, p.port, p.database, p.query, container.getUsername(), container.getPassword());
        }
        String why = "no PostgreSQL: set GATEWAY_TEST_POSTGRES_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) or start Docker";
        if ("1".equals(System.getenv("GATEWAY_CI"))) {
            Assertions.fail("CI must run the PostgreSQL ledger tests: " + why);
        }
        Assumptions.abort(why);
        return null;
    }

    static TestPostgres parse(String jdbcUrl) {
        URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new TestPostgres(u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), u.getPath().substring(1),
                u.getRawQuery() == null ? "" : u.getRawQuery(), null, null);
    }

    /** The JDBC URL, optionally through a proxy port on loopback. */
    String jdbcUrl(Integer viaPort) {
        String hostPort = viaPort == null ? host + ":" + port : "127.0.0.1:" + viaPort;
        return "jdbc:postgresql://" + hostPort + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(jdbcUrl(null)) : DriverManager.getConnection(jdbcUrl(null), user, password);
    }

    static String uniqueSchema(String prefix) {
        return (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
    }

    void dropSchema(String schema) {
        try (Connection c = connect()) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException ignored) {
            // best effort cleanup
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
