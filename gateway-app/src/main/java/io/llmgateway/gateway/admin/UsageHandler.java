package io.llmgateway.gateway.admin;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.gateway.api.ErrorResponses;
import io.llmgateway.gateway.ledger.LedgerWriter;
import io.llmgateway.gateway.ledger.UsageQuery;
import io.llmgateway.gateway.ledger.UsageRow;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /admin/usage?app=&from=&to=&group-by=}: ledger aggregates (requests, tokens, cost, failures)
 * over {@code [from, to)}, default the last 24 hours, grouped by app, model, deployment, pool, zone,
 * data-class, operation, outcome, day or hour. The query runs off the event loop.
 */
public final class UsageHandler {

    private final LedgerWriter ledger;

    /** @param ledger the ledger, or null when it is disabled */
    public UsageHandler(LedgerWriter ledger) {
        this.ledger = ledger;
    }

    public Mono<ServerResponse> usage(ServerRequest r) {
        return Mono.defer(() -> {
            if (ledger == null) {
                throw GatewayException.builder(ErrorKind.NOT_FOUND, "The usage ledger is disabled (gateway.ledger.enabled=false).")
                        .build();
            }
            UsageQuery q = query(r);
            UsageQuery total = new UsageQuery(q.app(), q.from(), q.to(), List.of());
            return Mono.fromCallable(() -> answer(q, ledger.aggregate(q), ledger.aggregate(total)))
                    .subscribeOn(Schedulers.boundedElastic())
                    .onErrorMap(SQLException.class, e -> GatewayException.builder(ErrorKind.NO_BACKEND,
                            "The ledger database is unavailable; records are spooled and will be written when it is back.")
                            .code("ledger_unavailable").build())
                    .flatMap(json -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json));
        }).onErrorResume(GatewayException.class, ErrorResponses::of);
    }

    private static UsageQuery query(ServerRequest r) {
        try {
            Instant to = r.queryParam("to").map(t -> TimeParam.parse(t, true)).orElse(Instant.now().plusSeconds(1));
            Instant from = r.queryParam("from").map(f -> TimeParam.parse(f, false)).orElse(to.minusSeconds(86_400));
            String app = r.queryParam("app").filter(a -> !a.isBlank()).orElse(null);
            return new UsageQuery(app, from, to, UsageQuery.Dimension.parseList(r.queryParam("group-by").orElse(null)));
        } catch (IllegalArgumentException e) {
            throw GatewayException.builder(ErrorKind.INVALID_REQUEST, e.getMessage()).build();
        }
    }

    private String answer(UsageQuery q, List<UsageRow> rows, List<UsageRow> total) {
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        root.put("object", "usage");
        root.put("app", q.app());
        root.put("from", q.from().toString());
        root.put("to", q.to().toString());
        ArrayNode by = root.putArray("group_by");
        q.groupBy().forEach(d -> by.add(d.key()));
        ArrayNode data = root.putArray("data");
        rows.forEach(row -> data.add(row(row)));
        root.set("total", row(total.isEmpty() ? new UsageRow(java.util.Map.of(), 0, 0, 0, java.math.BigDecimal.ZERO, 0, 0)
                : total.get(0)));
        ObjectNode pending = root.putObject("pending");
        pending.put("queued", ledger.pending());
        pending.put("spooled", ledger.spooled());
        return WireJson.MAPPER.writeValueAsString(root);
    }

    private static ObjectNode row(UsageRow row) {
        ObjectNode o = WireJson.MAPPER.createObjectNode();
        row.group().forEach(o::put);
        o.put("requests", row.requests());
        o.put("prompt_tokens", row.promptTokens());
        o.put("completion_tokens", row.completionTokens());
        o.put("total_tokens", row.promptTokens() + row.completionTokens());
        o.put("cost_usd", row.costUsd());
        o.put("failed", row.failed());
        o.put("avg_duration_ms", Math.round(row.avgDurationMs() * 1000) / 1000.0);
        return o;
    }
}
