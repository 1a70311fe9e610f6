package io.llmgateway.adapter.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A TCP server that speaks whatever bytes it is told to: it reads one HTTP request, writes the
 * scripted response head, then closes, hangs, or streams a pattern without end (bounded at 64 MiB so
 * a broken client cannot make the test itself run forever). One connection per instance.
 */
final class RawUpstream implements AutoCloseable {

    private static final long ENDLESS_CAP = 64L << 20;

    private final ServerSocket server;
    private final HostileResponse script;

    RawUpstream(HostileResponse script) {
        this.script = script;
        try {
            server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread t = new Thread(this::serve, "raw-upstream-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    private void serve() {
        try (Socket s = server.accept()) {
            s.setSoTimeout(30_000);
            readRequest(s.getInputStream());
            OutputStream out = s.getOutputStream();
            out.write(script.head());
            out.flush();
            switch (script.tail()) {
                case CLOSE -> s.shutdownOutput();
                case HANG -> s.getInputStream().read(); // until the client gives up and closes
                case ENDLESS -> {
                    byte[] unit = script.endless();
                    for (long sent = 0; sent < ENDLESS_CAP; sent += unit.length) {
                        out.write(unit);
                    }
                }
            }
        } catch (IOException expected) {
            // the client closed the connection: what a well-behaved client does with a hostile server
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.readNBytes(length);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
