package io.llmgateway.adapter.client;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TLS towards {@code https} upstreams. {@link #SYSTEM}: the JVM's trust store and no client certificate.
 *
 * @param caFile   PEM bundle of trusted CAs replacing the JVM's trust store, or null
 * @param certFile PEM client certificate chain for mutual TLS, or null
 * @param keyFile  PEM PKCS#8 private key of {@code certFile}, or null
 */
public record TlsSettings(Path caFile, Path certFile, Path keyFile) {

    public static final TlsSettings SYSTEM = new TlsSettings(null, null, null);

    public TlsSettings {
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("a client certificate needs both certFile and keyFile, got certFile="
                    + certFile + " keyFile=" + keyFile);
        }
        for (Path p : new Path[] {caFile, certFile, keyFile}) {
            if (p != null && !Files.isReadable(p)) {
                throw new IllegalArgumentException("TLS file " + p + " does not exist or is not readable");
            }
        }
    }

    public boolean isSystemDefault() {
        return caFile == null && certFile == null;
    }

    @Override
    public String toString() {
        return "TlsSettings[ca=" + caFile + ", cert=" + certFile + ", key=" + (keyFile == null ? null : "***") + "]";
    }
}
