package io.llmgateway.policy.sensitivity;

/**
 * Thrown by a detector that gives up on a text because it would exceed its step budget (custom
 * regular expressions). The classifier catches it and marks the result truncated. The message names
 * the detector only, never the text.
 */
public final class ScanBudgetExceededException extends RuntimeException {

    private final String detectorId;

    public ScanBudgetExceededException(String detectorId) {
        super("detector " + detectorId + " exceeded its step budget", null, false, false);
        this.detectorId = detectorId;
    }

    public String detectorId() {
        return detectorId;
    }
}
