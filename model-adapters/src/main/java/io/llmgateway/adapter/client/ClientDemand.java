package io.llmgateway.adapter.client;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Demand the client side has signalled for a stream and not yet received. With backpressure, a client
 * that stops reading stops requesting, so the upstream is not read either and the idle timer fires:
 * with no outstanding demand that is the client's stall, not an upstream stall.
 */
final class ClientDemand {

    private final AtomicLong outstanding = new AtomicLong();

    void requested(long n) {
        outstanding.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
    }

    void delivered() {
        outstanding.updateAndGet(a -> a == Long.MAX_VALUE ? a : Math.max(0, a - 1));
    }

    boolean outstanding() {
        return outstanding.get() > 0;
    }

    GatewayException stalled(UpstreamTarget target) {
        return GatewayException.of(ErrorKind.CLIENT_STALLED,
                "the client stopped reading the stream from upstream '" + target.deploymentId() + "'");
    }
}
