package io.llmgateway.adapter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.openai.OpenAiAdapter;
import io.netty.handler.ssl.ClientAuth;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;

/** https upstreams signed by a private CA, with and without mutual TLS, through {@link TlsSettings}. */
class UpstreamTlsTest {

    static TestCertificates certs;
    static DisposableServer tls;
    static DisposableServer mtls;

    @BeforeAll
    static void start() throws Exception {
        certs = new TestCertificates();
        tls = server(ClientAuth.NONE);
        mtls = server(ClientAuth.REQUIRE);
    }

    @AfterAll
    static void stop() {
        tls.disposeNow();
        mtls.disposeNow();
    }

    static DisposableServer server(ClientAuth auth) {
        Http11SslContextSpec spec = Http11SslContextSpec.forServer(certs.serverKey, certs.serverCert)
                .configure(b -> b.trustManager(certs.caCert).clientAuth(auth));
        return HttpServer.create().host("127.0.0.1").port(0).secure(s -> s.sslContext(spec))
                .handle((req, res) -> res.header("content-type", "application/json")
                        .sendString(Mono.just(UpstreamClientTest.ANSWER))).bindNow(Duration.ofSeconds(10));
    }

    static UpstreamTarget target(DisposableServer s) {
        return Targets.to("https://127.0.0.1:" + s.port() + "/v1");
    }

    static Object call(TlsSettings settings, DisposableServer s) {
        try (UpstreamClient client = new UpstreamClient(new UpstreamClientConfig(8, Duration.ofSeconds(5),
                Duration.ofSeconds(4), 1 << 20, 1 << 16, settings))) {
            return client.call(new OpenAiAdapter(), UpstreamClientTest.request(UpstreamClientTest.CHAT), target(s))
                    .map(r -> (Object) r).onErrorResume(e -> Mono.just(e)).block(Duration.ofSeconds(30));
        }
    }

    @Test
    void trustsAnUpstreamSignedByTheConfiguredCa() {
        assertThat(call(new TlsSettings(certs.caPem, null, null), tls)).isNotInstanceOf(Throwable.class);
    }

    @Test
    void refusesAnUpstreamTheJvmDoesNotTrust() {
        assertThat(call(TlsSettings.SYSTEM, tls)).isInstanceOf(GatewayException.class);
    }

    @Test
    void presentsTheClientCertificateForMutualTls() {
        assertThat(call(new TlsSettings(certs.caPem, null, null), mtls)).isInstanceOf(GatewayException.class);
        assertThat(call(new TlsSettings(certs.caPem, certs.clientCertPem, certs.clientKeyPem), mtls))
                .isNotInstanceOf(Throwable.class);
    }

    @Test
    void badSettingsFailAtStartNotAtTheFirstRequest() throws Exception {
        assertThatThrownBy(() -> new TlsSettings(certs.caPem, certs.clientCertPem, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> new TlsSettings(certs.dir.resolve("missing.pem"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not readable");
        java.nio.file.Path garbage = Files.writeString(certs.dir.resolve("garbage.pem"), "not a certificate");
        assertThatThrownBy(() -> new UpstreamClient(new UpstreamClientConfig(8, Duration.ofSeconds(5), Duration.ofSeconds(4),
                1 << 20, 1 << 16, new TlsSettings(garbage, null, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid upstream TLS settings");
        assertThat(new TlsSettings(certs.caPem, certs.clientCertPem, certs.clientKeyPem).toString()).doesNotContain("BEGIN");
    }
}
