package io.llmgateway.policy.sensitivity.pii;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;

/** {@code private-ip}: IPv4/IPv6 addresses in private ranges (see {@link PrivateRanges}). */
public final class PrivateIpDetector implements Detector {

    public static final String ID = "private-ip";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.PII;
    }

    @Override
    public void scan(CharSequence text, MatchSink sink) {
        IpAddressScanner.scan(text, (start, end, privateRange) -> {
            if (privateRange) {
                sink.match(ID, start, end);
            }
        });
    }
}
