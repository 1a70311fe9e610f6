package io.llmgateway.gateway.ledger;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One aggregate of the ledger.
 *
 * @param group            the group's values by dimension key ({@code app -> support-bot}); empty for a total
 * @param requests         requests that reached an upstream
 * @param promptTokens     input tokens
 * @param completionTokens output tokens
 * @param costUsd          USD cost
 * @param failed           requests that did not end served
 * @param avgDurationMs    mean request duration
 */
public record UsageRow(Map<String, String> group, long requests, long promptTokens, long completionTokens,
                       BigDecimal costUsd, long failed, double avgDurationMs) {

    public UsageRow {
        group = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(group));
    }
}
