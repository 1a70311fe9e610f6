package io.llmgateway.gateway.admission;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import java.time.Duration;
import java.util.Locale;

/** Refusals in OpenAI's words: 429 {@code rate_limit_error} for limits, 429 {@code insufficient_quota} for budgets. */
final class RefusalErrors {

    private RefusalErrors() {
    }

    static GatewayException of(AdmissionCommand c, Verdict v, Duration untilBudgetReset) {
        Scope scope = v.refusedScope() >= 0 ? c.scopes().get(v.refusedScope()) : null;
        String who = "app '" + c.appId() + "'" + (scope != null && scope.name().startsWith("model:")
                ? " on model '" + scope.name().substring(6) + "'" : "");
        Duration wait = Duration.ofMillis(Math.max(1, v.retryAfterMs()));
        return switch (v.refusal()) {
            case RPM -> limited(who, "requests per minute (RPM)", scope.limits().rpm(), v.usage().get(v.refusedScope()).requests(), 1, wait);
            case TPM -> limited(who, "tokens per minute (TPM)", scope.limits().tpm(), v.usage().get(v.refusedScope()).tokens(),
                    c.tokens(), wait);
            case CONCURRENCY -> GatewayException.builder(ErrorKind.RATE_LIMITED, "Too many concurrent requests for " + who
                    + ": limit " + scope.limits().concurrency() + ". Please try again when one of them has finished.")
                    .code("concurrency_limit_exceeded").retryAfter(wait).build();
            case TOO_LARGE -> GatewayException.builder(ErrorKind.RATE_LIMITED, "Request too large for " + who
                    + ": tokens per minute (TPM) limit " + scope.limits().tpm() + ", requested " + c.tokens()
                    + " (estimated prompt + max_tokens). Reduce the prompt or max_tokens.").code("request_too_large_for_limit").definitive(true).build();
            case BUDGET_DAILY -> budget(c, "daily", c.budget().dailyLimit(), v.spentDay(), untilBudgetReset);
            case BUDGET_MONTHLY -> budget(c, "monthly", c.budget().monthlyLimit(), v.spentMonth(), untilBudgetReset);
        };
    }

    private static GatewayException limited(String who, String what, long limit, long used, long requested, Duration wait) {
        return GatewayException.builder(ErrorKind.RATE_LIMITED, "Rate limit reached for " + who + " on " + what
                        + ": Limit " + limit + ", Used " + used + ", Requested " + requested + ". Please try again in "
                        + RateLimitHeaders.duration(wait.toMillis()) + ".")
                .retryAfter(wait).build();
    }

    private static GatewayException budget(AdmissionCommand c, String period, double limit, double spent, Duration reset) {
        return GatewayException.builder(ErrorKind.BUDGET_EXCEEDED, String.format(Locale.ROOT,
                        "The %s budget of app '%s' is used up (USD %.2f of %.2f, in-flight requests included); "
                                + "it renews in %s.", period, c.appId(), spent, limit, RateLimitHeaders.duration(reset.toMillis())))
                .retryAfter(reset).definitive(true).build();
    }
}
