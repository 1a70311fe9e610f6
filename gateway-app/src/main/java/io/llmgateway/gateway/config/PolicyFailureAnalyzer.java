package io.llmgateway.gateway.config;

import io.llmgateway.policy.PolicyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A policy refused at start is reported as the list of problems, not a stack trace. */
public final class PolicyFailureAnalyzer extends AbstractFailureAnalyzer<PolicyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PolicyException cause) {
        return new FailureAnalysis("The routing policy was refused:\n" + cause.getMessage(),
                "Fix the policy file at the places named above (check it with: java -jar gateway-app.jar policy check FILE).",
                cause);
    }
}
