package io.llmgateway.policy.route;

import io.llmgateway.policy.Deployment;
import io.llmgateway.policy.live.DeploymentLive;

/** A deployment that passed the hard constraints, with its estimates and sort keys (mutable, one plan only). */
final class Scored {

    final Deployment deployment;
    final int position;
    final DeploymentLive live;
    double cost = Double.NaN;
    double ttft = Double.NaN;
    double total = Double.NaN;
    boolean unmeasured;
    boolean meetsSlo = true;
    boolean halfOpen;
    double key1;
    double key2;
    double score = Double.NaN;

    Scored(Deployment deployment, int position, DeploymentLive live) {
        this.deployment = deployment;
        this.position = position;
        this.live = live;
    }

    static int compare(Scored a, Scored b) {
        if (a.halfOpen != b.halfOpen) {
            return a.halfOpen ? 1 : -1;
        }
        int c = Double.compare(a.key1, b.key1);
        if (c != 0) {
            return c;
        }
        c = Double.compare(a.key2, b.key2);
        return c != 0 ? c : Integer.compare(a.position, b.position);
    }
}
