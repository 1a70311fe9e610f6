package io.llmgateway.gateway.routing;

import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.policy.App;
import io.llmgateway.policy.live.CircuitStates;
import io.llmgateway.policy.live.LiveSnapshot;
import io.llmgateway.policy.live.LiveTrackers;
import io.llmgateway.policy.route.Planner;
import io.llmgateway.policy.route.RequestFacts;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Facts -> plan for one request, shared by the inference endpoints and {@code /admin/route/explain}:
 * resolves the data class, builds {@link RequestFacts} (only the headers rules match on are copied),
 * takes a live snapshot and runs the planner. Does no I/O.
 */
public final class RequestRouter {

    private final Planner planner;
    private final DataClassResolver dataClasses;
    private final LiveTrackers trackers;
    private final Supplier<CircuitStates> circuits;
    private final RouteMetrics metrics;

    public RequestRouter(Planner planner, DataClassResolver dataClasses, LiveTrackers trackers, Supplier<CircuitStates> circuits,
                         RouteMetrics metrics) {
        this.planner = planner;
        this.dataClasses = dataClasses;
        this.trackers = trackers;
        this.circuits = circuits;
        this.metrics = metrics;
    }

    /** Decides the route of a request that will be executed, and counts the decision. */
    public RouteDecision route(RoutingState state, App app, OpenAiRequest req, HttpHeaders headers, int promptTokens,
                               Detection detection) {
        RouteDecision d = decide(state, app, req, headers, promptTokens, detection);
        metrics.decided(d.plan());
        return d;
    }

    /** Decides without counting (explain). */
    public RouteDecision decide(RoutingState state, App app, OpenAiRequest req, HttpHeaders headers, int promptTokens,
                                Detection detection) {
        DataClassDecision dc = dataClasses.resolve(state.policy(), app, headers.getFirst(DataClassResolver.HEADER), detection);
        JsonNode format = req.body().path("response_format").path("type");
        boolean jsonSchema = "json_schema".equals(format.asString(""));
        boolean json = jsonSchema || "json_object".equals(format.asString(""));
        Map<String, String> matched = new HashMap<>();
        for (String name : state.ruleHeaders()) {
            String v = headers.getFirst(name);
            if (v != null) {
                matched.put(name, v);
            }
        }
        String op = req.operation().id();
        RequestFacts facts = RequestFacts.builder(app.id(), req.model(), dc.effective())
                .operation(op)
                .promptTokens(promptTokens)
                .maxTokens(req.maxTokens())
                .stream(req.stream())
                .tools(req.hasTools())
                .json(json)
                .capabilities(RequestFacts.capabilitiesFor(op, req.hasTools(), jsonSchema, vision(req)))
                .headers(matched)
                .declaredDataClass(dc.declared() == null ? null : dc.declared().id())
                .findings(detection.detectorIds(), detection.categories())
                .receivedAt(System.currentTimeMillis())
                .seed(ThreadLocalRandom.current().nextLong())
                .build();
        LiveSnapshot live = trackers.snapshot(state.policy(), circuits.get());
        return new RouteDecision(facts, dc, planner.plan(state.policy(), facts, live));
    }

    /** Whether any message carries an image part. */
    static boolean vision(OpenAiRequest req) {
        for (JsonNode m : req.body().path("messages")) {
            JsonNode content = m.path("content");
            if (content.isArray()) {
                for (JsonNode part : content) {
                    String type = part.path("type").asString("");
                    if (type.equals("image_url") || type.equals("input_image") || type.equals("image")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
