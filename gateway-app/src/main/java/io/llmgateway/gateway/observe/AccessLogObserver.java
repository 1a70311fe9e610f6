package io.llmgateway.gateway.observe;

import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.gateway.proxy.CallContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/** One structured JSON line per request on the {@code access} logger. Never prompt or completion text. */
public final class AccessLogObserver implements CallObserver {

    private static final Logger log = LoggerFactory.getLogger("access");

    @Override
    public void completed(CallContext call) {
        if (!log.isInfoEnabled()) {
            return;
        }
        ObjectNode line = WireJson.MAPPER.createObjectNode();
        line.put("request_id", call.requestId());
        if (call.traceId() != null) {
            line.put("trace_id", call.traceId());
        }
        line.put("app", call.appId());
        line.put("model", call.alias() == null ? null : call.alias().length() > 100 ? call.alias().substring(0, 100) : call.alias());
        line.put("operation", call.operation().id());
        line.put("stream", call.stream());
        line.put("route", call.rule());
        line.put("deployment", call.deploymentId());
        line.put("status", call.status());
        line.put("outcome", MetricsObserver.outcome(call));
        line.put("data_class", call.dataClass());
        CallContext.Sensitivity found = call.sensitivity();
        if (found != null && !found.findings().isEmpty()) {
            line.put("detectors", found.detectors());
        }
        if (found != null && !found.redacted().isEmpty()) {
            found.redacted().stream().sorted().forEach(line.putArray("redacted")::add);
        }
        if (found != null && !found.scan().equals("complete")) {
            line.put("scan", found.scan());
        }
        if (call.error() != null) {
            line.put("error_code", call.error().code());
        }
        line.put("attempts", call.attempts().size());
        Usage u = call.usage();
        if (u != null) {
            line.put("prompt_tokens", u.promptTokens());
            line.put("completion_tokens", u.completionTokens());
            line.put("usage_estimated", u.estimated());
        }
        line.put("cost_usd", call.costUsd());
        line.put("ttft_ms", round(call.timeToFirstByteNanos()));
        line.put("duration_ms", round(call.durationNanos()));
        line.put("overhead_ms", round(call.overheadNanos()));
        log.info(WireJson.MAPPER.writeValueAsString(line));
    }

    private static double round(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
