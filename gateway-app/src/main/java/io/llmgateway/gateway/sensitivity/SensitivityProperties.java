package io.llmgateway.gateway.sensitivity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Process-level settings of the sensitivity classifier ({@code gateway.sensitivity.*}); what it detects
 * and what the findings mean is in the policy's {@code sensitivity} section.
 *
 * @param scanTimeout time budget of one request's scan (it runs on the event loop); a scan that runs out
 *                    is incomplete, and the request is then treated as the most sensitive class.
 *                    {@code 0} = no deadline (the policy's {@code max-scan-chars} still bounds the work)
 */
@ConfigurationProperties("gateway.sensitivity")
public record SensitivityProperties(@DefaultValue("250ms") Duration scanTimeout) {

    public static final Duration DEFAULT_SCAN_TIMEOUT = Duration.ofMillis(250);

    public SensitivityProperties {
        if (scanTimeout.isNegative()) {
            throw new IllegalArgumentException("gateway.sensitivity.scan-timeout must not be negative, got " + scanTimeout);
        }
    }
}
