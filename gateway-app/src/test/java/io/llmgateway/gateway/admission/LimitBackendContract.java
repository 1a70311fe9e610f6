package io.llmgateway.gateway.admission;

import static io.llmgateway.gateway.admission.Commands.app;
import static io.llmgateway.gateway.admission.Commands.budget;
import static io.llmgateway.gateway.admission.Commands.model;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What every limit backend must do (in memory and in Redis alike). Time is given by the commands,
 * so nothing here depends on the wall clock.
 */
abstract class LimitBackendContract {

    static final long T0 = 1_750_000_000_000L;

    abstract LimitBackend backend();

    /** An app id unique to this test run (Redis is shared). */
    abstract String appId();

    Verdict acquire(AdmissionCommand c) {
        return backend().acquire(c).block();
    }

    void settle(AdmissionCommand c, long tokens, double cost, long now) {
        backend().settle(new Settlement(c, tokens, cost, now)).block();
    }

    @Test
    void requestsPerMinuteIsASlidingWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(acquire(Commands.of(appId(), T0 + i * 10_000, 0, app(3, 0, 0))).admitted()).isTrue();
        }
        Verdict refused = acquire(Commands.of(appId(), T0 + 30_000, 0, app(3, 0, 0)));
        assertThat(refused.refusal()).isEqualTo(Refusal.RPM);
        assertThat(refused.retryAfterMs()).as("until the first booking leaves the window").isEqualTo(30_000);
        assertThat(refused.usage().get(0).requests()).isEqualTo(3);
        assertThat(acquire(Commands.of(appId(), T0 + 60_001, 0, app(3, 0, 0))).admitted()).isTrue();
    }

    @Test
    void tokensAreReservedAndReconciledWithTheRealUsage() {
        AdmissionCommand first = Commands.of(appId(), T0, 600, app(0, 1000, 0));
        assertThat(acquire(first).usage().get(0).tokens()).isEqualTo(600);
        Verdict refused = acquire(Commands.of(appId(), T0 + 1, 600, app(0, 1000, 0)));
        assertThat(refused.refusal()).isEqualTo(Refusal.TPM);
        assertThat(refused.retryAfterMs()).isEqualTo(59_999);
        settle(first, 150, 0, T0 + 2);
        Verdict second = acquire(Commands.of(appId(), T0 + 3, 600, app(0, 1000, 0)));
        assertThat(second.admitted()).as("150 used + 600 reserved <= 1000").isTrue();
        assertThat(second.usage().get(0).tokens()).isEqualTo(750);
    }

    @Test
    void usageBeyondTheReservationIsBookedEvenAfterTheWindowMoved() {
        AdmissionCommand c = Commands.of(appId(), T0, 100, app(0, 1000, 0));
        acquire(c);
        settle(c, 400, 0, T0 + 90_000);
        Verdict v = acquire(Commands.of(appId(), T0 + 90_001, 0, app(0, 1000, 0)));
        assertThat(v.usage().get(0).tokens()).as("the excess 300, booked when the call ended").isEqualTo(300);
    }

    @Test
    void aRequestLargerThanTheWholeLimitIsRefusedAsTooLarge() {
        assertThat(acquire(Commands.of(appId(), T0, 5000, app(0, 1000, 0))).refusal()).isEqualTo(Refusal.TOO_LARGE);
    }

    @Test
    void concurrencySlotsAreFreedBySettlementAndCheckedPerModel() {
        AdmissionCommand a = Commands.of(appId(), T0, 0, app(0, 0, 5), model("big", 0, 0, 1));
        assertThat(acquire(a).admitted()).isTrue();
        Verdict b = acquire(Commands.of(appId(), T0 + 1, 0, app(0, 0, 5), model("big", 0, 0, 1)));
        assertThat(b.refusal()).isEqualTo(Refusal.CONCURRENCY);
        assertThat(b.refusedScope()).isEqualTo(1);
        assertThat(acquire(Commands.of(appId(), T0 + 2, 0, app(0, 0, 5), model("small", 0, 0, 1))).admitted()).isTrue();
        settle(a, 0, 0, T0 + 3);
        assertThat(acquire(Commands.of(appId(), T0 + 4, 0, app(0, 0, 5), model("big", 0, 0, 1))).admitted()).isTrue();
    }

    @Test
    void aRefusedRequestBooksNothingInAnyScope() {
        acquire(Commands.of(appId(), T0, 0, model("m", 1, 0, 0)));
        Verdict refused = acquire(Commands.of(appId(), T0 + 1, 0, app(10, 0, 0), model("m", 1, 0, 0)));
        assertThat(refused.refusal()).isEqualTo(Refusal.RPM);
        Verdict v = acquire(Commands.of(appId(), T0 + 2, 0, app(10, 0, 0)));
        assertThat(v.usage().get(0).requests()).as("only this one").isEqualTo(1);
    }

    @Test
    void budgetsReserveTheEstimateAndBookTheRealCost() {
        AdmissionCommand a = Commands.of(appId(), T0, 0, budget(1.0, 10.0, 0.6));
        assertThat(acquire(a).spentDay()).isEqualTo(0.6);
        assertThat(acquire(Commands.of(appId(), T0 + 1, 0, budget(1.0, 10.0, 0.6))).refusal())
                .as("0.6 booked + 0.6 > 1.0").isEqualTo(Refusal.BUDGET_DAILY);
        settle(a, 0, 0.25, T0 + 2);
        Verdict b = acquire(Commands.of(appId(), T0 + 3, 0, budget(1.0, 10.0, 0.6)));
        assertThat(b.admitted()).isTrue();
        assertThat(b.spentDay()).isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(acquire(Commands.of(appId(), T0 + 4, 0, budget(Double.NaN, 0.5, 0))).refusal())
                .as("spent 0.85 >= monthly 0.5").isEqualTo(Refusal.BUDGET_MONTHLY);
    }
}
