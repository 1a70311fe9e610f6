package io.llmgateway.adapter.client;

import io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

/** Applies {@link TlsSettings} to the client used for {@code https} upstreams. */
final class UpstreamTls {

    private UpstreamTls() {
    }

    static HttpClient apply(HttpClient base, TlsSettings tls) {
        if (tls.isSystemDefault()) {
            return base; // Reactor Netty secures https URIs with the JVM's trust store by itself
        }
        Http11SslContextSpec spec;
        try {
            spec = Http11SslContextSpec.forClient().configure(UpstreamTls.configure(tls));
            spec.sslContext(); // fail at start on an unreadable CA, certificate or key, not at the first request
        } catch (SSLException | RuntimeException e) {
            throw new IllegalArgumentException("invalid upstream TLS settings " + tls + ": " + e.getMessage(), e);
        }
        return base.secure(s -> s.sslContext(spec));
    }

    private static java.util.function.Consumer<SslContextBuilder> configure(TlsSettings tls) {
        return b -> {
            if (tls.caFile() != null) {
                b.trustManager(tls.caFile().toFile());
            }
            if (tls.certFile() != null) {
                b.keyManager(tls.certFile().toFile(), tls.keyFile().toFile());
            }
        };
    }
}
