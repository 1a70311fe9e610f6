package io.llmgateway.sim.internal.http;

import io.llmgateway.sim.FaultConfig;
import io.llmgateway.sim.internal.protocol.ApiException;
import io.llmgateway.sim.internal.protocol.Json;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** {@code GET|POST|DELETE /admin/faults}: read, replace or clear the node's fault config. */
final class AdminHandler {
    private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);
    private static final long DOWN_DELAY_MS = 20;

    private final NodeContext ctx;

    AdminHandler(NodeContext ctx) {
        this.ctx = ctx;
    }

    Mono<Void> faults(HttpServerRequest req, HttpServerResponse res) {
        return switch (req.method().name()) {
            case "GET" -> reply(res, ctx.faults().get());
            case "DELETE" -> {
                ctx.admin().apply(FaultConfig.none());
                yield reply(res, FaultConfig.none());
            }
            case "POST", "PUT" -> req.receive().aggregate().asString().defaultIfEmpty("{}").flatMap(body -> {
                FaultConfig config;
                try {
                    config = FaultConfigJson.parse(Json.parseObject(body));
                } catch (IllegalArgumentException e) {
                    return HttpReplies.error(res, ApiException.badRequest(e.getMessage(), null), ctx.nativeFormat());
                }
                log.info("node {}: faults set to {}", ctx.config().id(), FaultConfigJson.write(config));
                if (!config.down()) {
                    ctx.admin().apply(config);
                    return reply(res, config);
                }
                // Going down closes this very connection: answer first, then close the socket off the event loop.
                return reply(res, config).doOnSuccess(v -> Schedulers.boundedElastic()
                        .schedule(() -> ctx.admin().apply(config), DOWN_DELAY_MS, TimeUnit.MILLISECONDS));
            });
            default -> HttpReplies.json(res, 405, "{\"detail\":\"Method Not Allowed\"}");
        };
    }

    private static Mono<Void> reply(HttpServerResponse res, FaultConfig config) {
        return HttpReplies.json(res, 200, Json.write(FaultConfigJson.write(config)));
    }
}
