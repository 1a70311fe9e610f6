package io.llmgateway.sim.replay;

import io.llmgateway.policy.SensitivitySettings;
import java.util.Locale;
import java.util.Objects;

/**
 * Who sends a trace's requests, since traces carry no text: the app, the model alias, and the seeded
 * share of requests in which the classifier would have found something sensitive. Every request is a
 * streamed chat completion with {@code max_tokens} = its generated tokens.
 *
 * <p>Presets: {@link #CODE} (the code assistant; every request carries source code) and
 * {@link #CONVERSATION} (the customer-service bot; 20% of requests carry a bank-card number).
 *
 * @param appId          app id in the policy
 * @param alias          model alias asked for
 * @param sensitiveShare 0..1: share of requests carrying {@code finding} (drawn per request from the seed)
 * @param finding        what the classifier finds in those requests
 */
public record Workload(String appId, String alias, double sensitiveShare, Finding finding) {

    public static final Workload CODE = new Workload("code-assistant", "code", 1.0, new Finding("source-code", "source-code"));
    public static final Workload CONVERSATION = new Workload("support-bot", "chat-small", 0.2, new Finding("financial", "bank-card"));

    public Workload {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(finding, "finding");
        if (!(sensitiveShare >= 0 && sensitiveShare <= 1)) {
            throw new IllegalArgumentException("sensitive share must be within 0..1, was " + sensitiveShare);
        }
    }

    /** {@link #CODE} when the trace's file name contains "code", else {@link #CONVERSATION}. */
    public static Workload forTrace(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).contains("code") ? CODE : CONVERSATION;
    }

    public Workload withApp(String id) {
        return new Workload(id, alias, sensitiveShare, finding);
    }

    public Workload withAlias(String a) {
        return new Workload(appId, a, sensitiveShare, finding);
    }

    public Workload withSensitiveShare(double share) {
        return new Workload(appId, alias, share, finding);
    }

    public Workload withFinding(Finding f) {
        return new Workload(appId, alias, sensitiveShare, f);
    }

    /**
     * A classifier finding: its category and the detector that reported it. The policy's
     * {@code sensitivity.findings} may map either to a data class; rules may match either.
     *
     * @param category   {@code pii}, {@code financial}, {@code secret}, {@code source-code} or {@code custom}
     * @param detectorId detector id, e.g. {@code bank-card}
     */
    public record Finding(String category, String detectorId) {

        public Finding {
            if (!SensitivitySettings.CATEGORIES.contains(category)) {
                throw new IllegalArgumentException("unknown finding category '" + category + "' (known: "
                        + String.join(", ", SensitivitySettings.CATEGORIES) + ")");
            }
            if (detectorId == null || detectorId.isBlank()) {
                throw new IllegalArgumentException("finding detector id must not be blank");
            }
        }

        /** {@code CATEGORY} or {@code CATEGORY:DETECTOR} ({@code financial:bank-card}); the detector defaults to the category. */
        public static Finding parse(String text) {
            int colon = text.indexOf(':');
            return colon < 0 ? new Finding(text, text) : new Finding(text.substring(0, colon), text.substring(colon + 1));
        }

        @Override
        public String toString() {
            return category.equals(detectorId) ? category : category + ":" + detectorId;
        }
    }
}
