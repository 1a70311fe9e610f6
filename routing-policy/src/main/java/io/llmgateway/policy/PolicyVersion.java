package io.llmgateway.policy;

/** A short, stable version id for a policy: the first 12 hex digits of the SHA-256 of its text. */
final class PolicyVersion {

    private PolicyVersion() {
    }

    static String of(String text) {
        return KeyHash.sha256Hex(text).substring(0, 12);
    }
}
