package io.llmgateway.policy.route;

import static io.llmgateway.policy.route.PlannerFixture.P;
import static io.llmgateway.policy.route.PlannerFixture.facts;
import static io.llmgateway.policy.route.PlannerFixture.ids;
import static io.llmgateway.policy.route.PlannerFixture.live;
import static io.llmgateway.policy.route.PlannerFixture.rejection;
import static io.llmgateway.policy.route.PlannerFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmgateway.policy.live.CircuitState;
import io.llmgateway.policy.live.LiveSnapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every hard constraint applies before any strategy, and every rejected deployment says why. */
class PlannerConstraintsTest {

    final Planner planner = new Planner();

    @Test
    void withoutARuleTheAliasOrderServes() {
        RoutePlan plan = planner.plan(P, facts("code", "chat", "public").build(), LiveSnapshot.EMPTY);
        assertThat(plan.route()).isEqualTo("chat");
        assertThat(plan.rule()).isNull();
        assertThat(ids(plan)).containsExactly("qwen72", "qwen7", "gpt4o", "claude");
        assertThat(plan.candidates().get(0).reason()).isEqualTo("#1 in the order of alias 'chat'");
    }

    @Test
    void zoneNotAllowedForTheDataClass() {
        RoutePlan plan = planner.plan(P, facts("code", "chat", "confidential").build(), LiveSnapshot.EMPTY);
        assertThat(ids(plan)).containsExactly("qwen72", "qwen7");
        assertThat(rejection(plan, "gpt4o")).isEqualTo(RejectReason.ZONE_NOT_ALLOWED);
        assertThat(plan.rejected()).anySatisfy(r -> assertThat(r.reason()).isEqualTo("data class 'confidential' may not go to zone external"));
    }

    @Test
    void failsClosedWhenNoAllowedZoneSurvives() {
        LiveSnapshot down = snapshot(Map.of("qwen72", live(CircuitState.OPEN, 0), "qwen7", live(CircuitState.OPEN, 0)));
        RoutePlan plan = planner.plan(P, facts("code", "chat", "confidential").build(), down);
        assertThat(plan.candidates()).isEmpty();
        assertThat(plan.outcome()).isEqualTo(PlanOutcome.DATA_CLASS_ZONE);
        assertThat(plan.message()).contains("data class 'confidential' requires a private backend");
        assertThat(rejection(plan, "qwen72")).isEqualTo(RejectReason.CIRCUIT_OPEN);
        assertThat(rejection(plan, "claude")).isEqualTo(RejectReason.ZONE_NOT_ALLOWED);
    }

    @Test
    void noCandidateWithoutZoneRejections() {
        LiveSnapshot down = snapshot(Map.of("qwen7", live(CircuitState.OPEN, 0)));
        RoutePlan plan = planner.plan(P, facts("code", "small", "public").build(), down);
        assertThat(plan.outcome()).isEqualTo(PlanOutcome.NO_CANDIDATE);
    }

    @Test
    void contextWindowMustFitPromptAndMaxTokens() {
        RoutePlan plan = planner.plan(P, facts("code", "chat", "public").promptTokens(7000).maxTokens(2000).build(), LiveSnapshot.EMPTY);
        assertThat(rejection(plan, "qwen7")).isEqualTo(RejectReason.CONTEXT_TOO_SMALL);
        assertThat(plan.rejected()).anySatisfy(r -> assertThat(r.reason())
                .isEqualTo("needs ~9000 tokens (prompt ~7000 + max_tokens 2000), context window 8192"));
        assertThat(ids(plan)).containsExactly("qwen72", "gpt4o", "claude");
    }

    @Test
    void requiredCapabilitiesMustBePresentUnlessUndeclared() {
        RequestFacts f = facts("code", "chat", "public").tools(true)
                .capabilities(RequestFacts.capabilitiesFor("chat", true, false, true)).build();
        RoutePlan plan = planner.plan(P, f, LiveSnapshot.EMPTY);
        assertThat(rejection(plan, "qwen72")).isEqualTo(RejectReason.MISSING_CAPABILITY);
        assertThat(plan.rejected()).anySatisfy(r -> assertThat(r.reason()).isEqualTo("lacks vision"));
        assertThat(plan.rejected()).anySatisfy(r -> assertThat(r.reason()).isEqualTo("lacks tools, vision"));
        // gpt4o lists no capabilities: not checked; claude has chat, tools and vision
        assertThat(ids(plan)).containsExactly("gpt4o", "claude");
    }

    @Test
    void openCircuitsAreRejectedHalfOpenGoLast() {
        LiveSnapshot s = snapshot(Map.of("qwen72", live(CircuitState.HALF_OPEN, 0), "qwen7", live(CircuitState.OPEN, 0)));
        RoutePlan plan = planner.plan(P, facts("code", "chat", "public").build(), s);
        assertThat(rejection(plan, "qwen7")).isEqualTo(RejectReason.CIRCUIT_OPEN);
        assertThat(ids(plan)).containsExactly("gpt4o", "claude", "qwen72");
        assertThat(plan.candidates().get(2).reason()).endsWith("circuit half-open (trial)");
    }

    @Test
    void saturatedAtMaxConcurrencyPlusQueue() {
        RoutePlan full = planner.plan(P, facts("code", "chat", "public").build(),
                snapshot(Map.of("qwen72", live(CircuitState.CLOSED, 8), "qwen7", live(CircuitState.CLOSED, 5))));
        assertThat(rejection(full, "qwen72")).isEqualTo(RejectReason.SATURATED);
        assertThat(full.rejected()).anySatisfy(r -> assertThat(r.reason()).isEqualTo("8 in flight, max-concurrency 8"));
        assertThat(rejection(full, "qwen7")).isNull(); // 5 < 4 + queue 2
        RoutePlan queueFull = planner.plan(P, facts("code", "chat", "public").build(), snapshot(Map.of("qwen7", live(CircuitState.CLOSED, 6))));
        assertThat(rejection(queueFull, "qwen7")).isEqualTo(RejectReason.SATURATED);
    }

    @Test
    void aliasDeploymentsTheRuleDoesNotUseAreListedAsNotInRule() {
        RoutePlan plan = planner.plan(P, facts("marketing", "chat", "public").build(), LiveSnapshot.EMPTY);
        assertThat(plan.rule()).isEqualTo("marketing-fastest");
        assertThat(rejection(plan, "qwen7")).isEqualTo(RejectReason.NOT_IN_RULE);
    }

    @Test
    void targetsOutsideTheAliasAreSkippedWithoutAnyModel() {
        RoutePlan plan = planner.plan(P, facts("code", "small", "public").header("x-priority", "batch").build(), LiveSnapshot.EMPTY);
        assertThat(plan.rule()).isEqualTo("batch-header");
        assertThat(ids(plan)).containsExactly("qwen7");
        assertThat(rejection(plan, "qwen72")).isEqualTo(RejectReason.NOT_IN_ALIAS);
    }

    @Test
    void refusalsAppNotAllowedAndUnknownModel() {
        RoutePlan refused = planner.plan(P, facts("code", "chat", "secret").tools(true).build(), LiveSnapshot.EMPTY);
        assertThat(refused.outcome()).isEqualTo(PlanOutcome.REFUSED_BY_RULE);
        assertThat(refused.route()).isEqualTo("refuse-secret-tools");
        assertThat(refused.message()).isEqualTo("Secret data may not be used with tools.");
        assertThat(planner.plan(P, facts("nobody", "nope", "public").build(), LiveSnapshot.EMPTY).outcome())
                .isEqualTo(PlanOutcome.UNKNOWN_MODEL);
        var restricted = io.llmgateway.policy.PolicyLoader.parse("p.yaml", PlannerFixture.POLICY.replace(
                "{id: marketing, key: sk-marketing-1234}", "{id: marketing, key: sk-marketing-1234, models: [chat]}"));
        assertThat(planner.plan(restricted, facts("marketing", "small", "public").build(), LiveSnapshot.EMPTY).outcome())
                .isEqualTo(PlanOutcome.APP_NOT_ALLOWED);
    }

    @Test
    void fallbacksComeAfterTheTargetsUnderTheSameConstraints() {
        RoutePlan plan = planner.plan(P, facts("marketing", "chat", "public").build(), LiveSnapshot.EMPTY);
        assertThat(ids(plan)).containsExactly("gpt4o", "claude", "qwen72");
        assertThat(plan.candidates().get(2).fallback()).isTrue();
        assertThat(plan.candidates().get(2).reason()).isEqualTo("fallback #1 of rule 'marketing-fastest'");
        RoutePlan confidential = planner.plan(P, facts("marketing", "chat", "confidential").build(), LiveSnapshot.EMPTY);
        assertThat(ids(confidential)).containsExactly("qwen72");
    }
}
