package io.llmgateway.policy.sensitivity;

/** Why a scan did not cover all of the request's text. A truncated scan must be treated as most sensitive. */
public enum TruncationCause {
    /** The scan covered everything. */
    NONE,
    /** The request carried more text than {@link ClassifierConfig#maxCharsScanned()}. */
    SIZE_CAP,
    /** The deadline passed before every detector ran over every text. */
    DEADLINE,
    /** A custom regular expression exhausted its step budget on some text. */
    REGEX_BUDGET,
    /** A detector failed with an exception; the other detectors still ran. */
    DETECTOR_FAILED
}
