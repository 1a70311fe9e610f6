package io.llmgateway.gateway.admin;

import io.llmgateway.adapter.schema.WireJson;
import io.llmgateway.gateway.routing.PolicyReloader;
import io.llmgateway.gateway.routing.ReloadStatus;
import io.llmgateway.gateway.routing.RoutingState;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /admin/policy}: the running policy's version, source, load time, size, warnings, and the
 * last reload attempt and last refused reload. {@code POST /admin/policy/reload}: reload the file now;
 * 200 when it went live (or was unchanged), 422 with the problems when refused (the running policy
 * stays), 409 in demo mode (no file).
 */
public final class PolicyAdminHandler {

    private final RoutingStateHolder routing;
    private final PolicyReloader reloader;

    public PolicyAdminHandler(RoutingStateHolder routing, PolicyReloader reloader) {
        this.routing = routing;
        this.reloader = reloader;
    }

    public Mono<ServerResponse> show(ServerRequest r) {
        RoutingState state = routing.current();
        Policy p = state.policy();
        ObjectNode root = WireJson.MAPPER.createObjectNode();
        root.put("version", p.version());
        root.put("source", p.source());
        root.put("loaded_at", state.loadedAt().toString());
        root.put("reloadable", reloader.file() != null);
        root.put("deployments", p.deployments().size());
        root.put("models", p.models().size());
        root.put("apps", p.apps().size());
        root.put("rules", p.rules().size());
        ArrayNode warnings = root.putArray("warnings");
        for (PolicyException.Problem w : p.warnings()) {
            warnings.add(w.toString());
        }
        status(root, "last_reload", reloader.last());
        status(root, "last_reload_error", reloader.lastError());
        return json(HttpStatus.OK, root);
    }

    public Mono<ServerResponse> reload(ServerRequest r) {
        if (reloader.file() == null) {
            ObjectNode err = WireJson.MAPPER.createObjectNode();
            ObjectNode e = err.putObject("error");
            e.put("message", "There is no policy file to reload: the gateway runs the demo policy.");
            e.put("type", "invalid_request_error");
            e.put("code", "no_policy_file");
            return json(HttpStatus.CONFLICT, err);
        }
        return Mono.fromCallable(() -> reloader.reload("admin"))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(s -> {
                    ObjectNode root = WireJson.MAPPER.createObjectNode();
                    fill(root, s);
                    root.put("running_version", routing.current().policy().version());
                    return json("refused".equals(s.outcome()) ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK, root);
                });
    }

    private static void status(ObjectNode root, String key, ReloadStatus s) {
        if (s == null) {
            root.putNull(key);
        } else {
            fill(root.putObject(key), s);
        }
    }

    private static void fill(ObjectNode n, ReloadStatus s) {
        n.put("outcome", s.outcome());
        n.put("trigger", s.trigger());
        n.put("at", s.at().toString());
        n.put("version", s.version());
        ArrayNode problems = n.putArray("problems");
        s.problems().forEach(problems::add);
        ArrayNode warnings = n.putArray("warnings");
        s.warnings().forEach(warnings::add);
    }

    private static Mono<ServerResponse> json(HttpStatus status, ObjectNode body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(body.toString());
    }
}
