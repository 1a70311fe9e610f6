package io.llmgateway.gateway.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.llmgateway.gateway.ledger.LedgerProperties;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every request's data class, the detectors that fired (ids and counts) and where it went are recorded in
 * the access log, the metrics and the ledger; the matched text appears in none of them, nor in any log line.
 */
class AuditE2ETest extends SensitivityE2E {

    static final String AWS = "AKIAQ3EGRLAUXTKGWV7Z";
    static final String EMAIL = "li.lei@example.com";
    static final String PROMPT = "found " + AWS + " in the logs, mail " + EMAIL + " and " + EMAIL;

    @Autowired
    LedgerProperties ledger;

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        root().addAppender(logs);
        access().addAppender(logs); // the access logger does not pass its lines to root (logback-spring.xml)
    }

    @AfterEach
    void release() {
        root().detachAppender(logs);
        access().detachAppender(logs);
    }

    @Test
    void accessLogMetricsAndLedgerHaveIdsAndCountsButNeverTheText() throws Exception {
        String served = chat(APP, "chat", PROMPT, false).expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("x-request-id");
        chat(APP, "chat-down", PROMPT, true).expectStatus().isEqualTo(503);
        chat(MASKER, "chat", "mail " + EMAIL, false).expectStatus().isOk();

        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).noneMatch(l -> l.contains(AWS) || l.contains(EMAIL));
        assertThat(lines).filteredOn(l -> l.contains("\"request_id\":\"" + served + "\"")).singleElement().asString()
                .contains("\"deployment\":\"gpu-up\"", "\"data_class\":\"secret\"", "\"detectors\":\"email:2,secret-aws:1\"");
        assertThat(lines).anyMatch(l -> l.contains("\"error_code\":\"data_class_requires_private_backend\""));
        assertThat(lines).anyMatch(l -> l.contains("\"redacted\":[\"email\"]"));

        String metrics = new String(client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(metrics).doesNotContain(AWS).doesNotContain(EMAIL)
                .containsPattern("gateway_sensitivity_detector_hits_total\\{[^}]*detector=\"secret-aws\"")
                .containsPattern("gateway_sensitivity_redactions_total\\{[^}]*app=\"masker\"[^}]*detector=\"email\"")
                .containsPattern("gateway_sensitivity_refused_total\\{[^}]*app=\"app\"[^}]*data_class=\"secret\"")
                .containsPattern("gateway_sensitivity_scan_seconds_count\\{[^}]*outcome=\"complete\"");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ledgerRow(served))
                .containsExactly("secret", "email:2,secret-aws:1", "private", "gpu-up"));
    }

    private List<String> ledgerRow(String requestId) throws Exception {
        try (Connection c = DriverManager.getConnection(ledger.jdbcUrl());
             PreparedStatement ps = c.prepareStatement(
                     "SELECT data_class, detectors, zone, deployment FROM usage_ledger WHERE request_id = ?")) {
            ps.setString(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)) : List.of();
            }
        }
    }

    private static Logger access() {
        return (Logger) LoggerFactory.getLogger("access");
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
