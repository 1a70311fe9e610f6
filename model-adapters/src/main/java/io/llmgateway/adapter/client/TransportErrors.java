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
import reactor.core.Exceptions;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Maps transport failures to normalised gateway errors: refused, reset, closed mid-answer, pool
 * exhausted -> retryable {@code UPSTREAM_UNAVAILABLE}; byte limits and broken HTTP -> retryable
 * {@code UPSTREAM_BAD_RESPONSE}.
 */
final class TransportErrors {

    private TransportErrors() {
    }

    static Throwable map(Throwable t, UpstreamTarget target) {
        t = Exceptions.unwrap(t);
        if (t instanceof GatewayException) {
            return t;
        }
        String who = "upstream '" + target.deploymentId() + "'";
        if (isPoolExhausted(t)) {
            return unavailable(who + ": no free connection in the connection pool in time", t);
        }
        if (t instanceof IllegalArgumentException || t instanceof io.netty.handler.codec.DecoderException) {
            // Netty's decoder refusing a response that is not HTTP: status line "SSH-2.0-...", negative status
            // code (IllegalArgumentException), oversized headers (TooLongFrameException, a DecoderException);
            // request translation maps its own (UpstreamClient.translate)
            return GatewayException.builder(ErrorKind.UPSTREAM_BAD_RESPONSE, who + " sent an invalid HTTP response").cause(t).build();
        }
        if (t instanceof StreamLimitException) {
            return GatewayException.builder(ErrorKind.UPSTREAM_BAD_RESPONSE, who + ": " + t.getMessage()).cause(t).build();
        }
        if (t instanceof ConnectTimeoutException) {
            return unavailable(who + " did not accept a connection in time", t);
        }
        if (t instanceof ConnectException || t instanceof UnknownHostException) {
            return unavailable(who + " is unreachable (connection refused)", t);
        }
        if (t instanceof PrematureCloseException || t instanceof ClosedChannelException || t instanceof AbortedException) {
            return unavailable(who + " closed the connection before the answer was complete", t);
        }
        if (t instanceof IOException) {
            return unavailable(who + ": connection failed (" + t.getClass().getSimpleName() + ")", t);
        }
        return GatewayException.builder(ErrorKind.UPSTREAM_ERROR, who + ": " + t.getClass().getSimpleName()).cause(t).build();
    }

    private static GatewayException unavailable(String message, Throwable cause) {
        return GatewayException.builder(ErrorKind.UPSTREAM_UNAVAILABLE, message).cause(cause).build();
    }

    /** Reactor Netty's pool (shaded reactor-pool) gave up waiting for a connection or refused to queue. */
    private static boolean isPoolExhausted(Throwable t) {
        String name = t.getClass().getSimpleName();
        return name.equals("PoolAcquireTimeoutException") || name.equals("PoolAcquirePendingLimitException");
    }
}
