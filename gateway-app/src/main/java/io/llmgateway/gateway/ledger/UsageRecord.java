package io.llmgateway.gateway.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One ledger row: a request that reached an upstream. No prompt or completion text.
 *
 * @param id               gateway-generated unique key (the idempotency key: a replay never writes it twice);
 *                         the client-visible request id is not unique (clients may reuse {@code x-request-id})
 * @param requestId        the request id echoed to the client
 * @param startedAt        arrival at the gateway
 * @param endedAt          end of the request (last byte, error or client cancel)
 * @param app              calling app
 * @param model            model alias the app asked for
 * @param deployment       deployment that served (or last tried)
 * @param pool             its pool
 * @param zone             its zone (private / external)
 * @param dataClass        effective data class, or null if not classified
 * @param detectors        sensitivity findings as {@code id:count,...} (ids and counts only; empty = none, null = not classified)
 * @param operation        chat, completions, embeddings
 * @param stream           streamed answer
 * @param promptTokens     input tokens
 * @param completionTokens output tokens
 * @param usageEstimated   tokens estimated (stream cut before the upstream reported usage)
 * @param costUsd          USD cost
 * @param durationMs       whole request
 * @param ttftMs           time to first byte/token sent to the client, 0 if none
 * @param status           HTTP status given to the client
 * @param outcome          served, failed, failed_mid_stream, cancelled
 * @param errorCode        OpenAI error code, or null
 * @param attempts         upstream attempts (more than 1 = failed over)
 */
public record UsageRecord(
        String id, String requestId, Instant startedAt, Instant endedAt,
        String app, String model, String deployment, String pool, String zone, String dataClass, String detectors,
        String operation, boolean stream,
        long promptTokens, long completionTokens, boolean usageEstimated, BigDecimal costUsd,
        double durationMs, double ttftMs, int status, String outcome, String errorCode, int attempts) {

    public UsageRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
        costUsd = costUsd == null ? BigDecimal.ZERO : costUsd;
    }
}
