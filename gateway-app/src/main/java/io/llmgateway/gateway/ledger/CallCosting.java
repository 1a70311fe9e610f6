package io.llmgateway.gateway.ledger;

import io.llmgateway.adapter.schema.Usage;
import io.llmgateway.gateway.observe.CallObserver;
import io.llmgateway.gateway.proxy.CallContext;
import io.llmgateway.gateway.routing.RoutingStateHolder;
import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.cost.RequestCost;

/**
 * First observer of every call: sets its USD cost, which metrics, the access log and the ledger read.
 * API deployments by their token prices; self-hosted ones by GPU time: the deployment's GPUs times
 * its pool's GPU-hour cost, shared by tokens at the deployment's measured throughput (the higher of
 * the last minute's aggregate rate and this request's own rate, so an idle deployment charges a
 * request the GPU time it held, and a busy one splits it).
 */
public final class CallCosting implements CallObserver {

    private final RoutingStateHolder routing;
    private final ThroughputTracker throughput = new ThroughputTracker();

    public CallCosting(RoutingStateHolder routing) {
        this.routing = routing;
    }

    @Override
    public void completed(CallContext call) {
        Usage u = call.usage();
        if (u == null || call.deploymentId() == null) {
            return;
        }
        Deployment d = routing.current().policy().deployments().get(call.deploymentId());
        if (d == null) {
            return;
        }
        DeploymentPricing p = DeploymentPricing.of(routing.current().policy(), d);
        long tokens = u.promptTokens() + u.completionTokens();
        double aggregate = throughput.record(d.id(), tokens, System.nanoTime());
        double usd;
        if (p.selfHosted()) {
            double seconds = call.durationNanos() / 1e9;
            double own = seconds > 0 ? tokens / seconds : 0;
            usd = RequestCost.selfHosted(p.gpus(), p.gpuHourCost(), tokens, Math.max(aggregate, own));
        } else {
            usd = RequestCost.api(p.inputPer1M(), p.outputPer1M(), p.cachedInputPer1M(), u.promptTokens(),
                    u.cachedPromptTokens(), u.completionTokens());
        }
        call.costUsd(usd);
    }
}
