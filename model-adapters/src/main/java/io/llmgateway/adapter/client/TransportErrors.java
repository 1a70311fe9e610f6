package io.llmgateway.adapter.client;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.sse.StreamLimitException;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import reactor.netty.http.client.PrematureCloseException;

/** Maps transport failures (refused, reset, closed, limits) to normalised, retryable gateway errors. */
final class TransportErrors {

    private TransportErrors() {
    }

    static Throwable map(Throwable t, UpstreamTarget target) {
        if (t instanceof GatewayException) {
            return t;
        }
        String who = "upstream '" + target.deploymentId() + "'";
        if (t instanceof StreamLimitException) {
            return GatewayException.builder(ErrorKind.UPSTREAM_BAD_RESPONSE, who + ": " + t.getMessage()).cause(t).build();
        }
        if (t instanceof ConnectTimeoutException) {
            return GatewayException.builder(ErrorKind.UPSTREAM_UNAVAILABLE, who + " did not accept a connection in time").cause(t).build();
        }
        if (t instanceof ConnectException || t instanceof UnknownHostException) {
            return GatewayException.builder(ErrorKind.UPSTREAM_UNAVAILABLE, who + " is unreachable (connection refused)").cause(t).build();
        }
        if (t instanceof PrematureCloseException || t instanceof ClosedChannelException) {
            return GatewayException.builder(ErrorKind.UPSTREAM_UNAVAILABLE, who + " closed the connection before the answer was complete").cause(t).build();
        }
        if (t instanceof IOException) {
            return GatewayException.builder(ErrorKind.UPSTREAM_UNAVAILABLE, who + ": connection failed (" + t.getClass().getSimpleName() + ")").cause(t).build();
        }
        if (t instanceof io.netty.handler.codec.DecoderException || t instanceof io.netty.handler.codec.TooLongFrameException) {
            return GatewayException.builder(ErrorKind.UPSTREAM_BAD_RESPONSE, who + " sent an invalid HTTP response").cause(t).build();
        }
        return GatewayException.builder(ErrorKind.UPSTREAM_ERROR, who + ": " + t.getClass().getSimpleName()).cause(t).build();
    }
}
