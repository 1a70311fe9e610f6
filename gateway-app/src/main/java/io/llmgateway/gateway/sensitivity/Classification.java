package io.llmgateway.gateway.sensitivity;

import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.gateway.routing.Detection;
import io.llmgateway.policy.DataClass;
import io.llmgateway.policy.sensitivity.RedactionMap;
import java.util.List;
import java.util.Objects;

/**
 * The classifier's verdict on one request. Holds no matched text except inside {@link #restore}, which
 * keeps the masked values in memory for this request only.
 *
 * @param detection what routing plans on (implied class, finding ids and categories)
 * @param outgoing  the request to send upstream: masked when findings were redacted, else the original
 * @param restore   placeholders to restore in the answer (empty when nothing was masked)
 * @param audit     ids, counts, masked ids, scan outcome and time, for the call's observers
 * @param findings  per finding id what it implied (for explain)
 */
public record Classification(Detection detection, OpenAiRequest outgoing, RedactionMap restore,
                             CallContext.Sensitivity audit, List<FindingVerdict> findings) {

    public Classification {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(outgoing, "outgoing");
        Objects.requireNonNull(restore, "restore");
        Objects.requireNonNull(audit, "audit");
        findings = List.copyOf(findings);
    }

    /** Whether the request goes upstream masked (and its answer must be restored). */
    public boolean masked() {
        return !restore.isEmpty();
    }

    /**
     * One finding id and what the policy made of it.
     *
     * @param id       finding id
     * @param category its category
     * @param count    number of matches
     * @param implies  the class the policy maps it to, or null
     * @param redacted masked before going upstream (so it did not raise the class)
     */
    public record FindingVerdict(String id, String category, int count, DataClass implies, boolean redacted) {
    }
}
