package io.llmgateway.gateway.proxy;

import io.llmgateway.policy.Deployment;

/**
 * Defense in depth for data sensitivity: asked before every attempt (first try, retry, hedge,
 * fallback) whether the deployment's zone is allowed for the request's effective data class. The
 * planner already filtered; a refusal here means something upstream of the executor went wrong, so it
 * is refused anyway, counted ({@code gateway.executor.zone.refused}) and logged.
 */
@FunctionalInterface
public interface ZoneCheck {

    /** Allows everything: for policies without data classes. */
    ZoneCheck ALLOW_ALL = (call, deployment) -> null;

    /** @return null if the deployment may serve the call, else why not (safe to show: ids and class names only) */
    String refusal(CallContext call, Deployment deployment);
}
