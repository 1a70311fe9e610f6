package io.llmgateway.adapter.client;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A throw-away CA with a server certificate (127.0.0.1) and a client certificate, made with the JDK's
 * keytool: PEM files as an operator would mount them, plus the server's key and chain for the test server.
 */
final class TestCertificates {

    final Path dir;
    final Path caPem;
    final Path clientCertPem;
    final Path clientKeyPem;
    final PrivateKey serverKey;
    final X509Certificate serverCert;
    final X509Certificate caCert;

    TestCertificates() throws Exception {
        dir = Files.createTempDirectory("upstream-tls-");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=test-ca",
                "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12");
        keytool("-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-rfc", "-file", "ca.pem");
        issue("server", "CN=127.0.0.1", "san=ip:127.0.0.1,dns:localhost");
        issue("client", "CN=llm-gateway", null);
        caPem = dir.resolve("ca.pem");
        caCert = cert(caPem);
        serverCert = cert(dir.resolve("server.pem"));
        serverKey = key("server");
        clientCertPem = dir.resolve("client.pem");
        clientKeyPem = dir.resolve("client.key");
        Files.writeString(clientKeyPem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key("client").getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    }

    private void issue(String name, String dname, String san) throws Exception {
        keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname", dname, "-validity", "2",
                "-keystore", name + ".p12");
        keytool("-certreq", "-alias", name, "-keystore", name + ".p12", "-file", name + ".csr");
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", name + ".csr",
                "-outfile", name + ".pem", "-rfc", "-validity", "2"));
        if (san != null) {
            gencert.addAll(List.of("-ext", san));
        }
        keytool(gencert.toArray(String[]::new));
    }

    private X509Certificate cert(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private PrivateKey key(String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(dir.resolve(name + ".p12").toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        return (PrivateKey) ks.getKey(name, "changeit".toCharArray());
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storepass", "changeit", "-keypass", "changeit", "-storetype", "PKCS12", "-noprompt"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }
}
