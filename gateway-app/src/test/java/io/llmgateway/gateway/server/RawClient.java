package io.llmgateway.gateway.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A client that misbehaves on purpose: sends bytes slowly, or never reads what it asked for. */
final class RawClient implements AutoCloseable {

    final Socket socket = new Socket();

    RawClient(int port, int receiveBuffer) throws IOException {
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads until the server closes the connection; true if it did so within {@code bound}. */
    boolean closedByServerWithin(Duration bound) throws IOException {
        socket.setSoTimeout(500);
        long deadline = System.nanoTime() + bound.toNanos();
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[8192];
        while (System.nanoTime() < deadline) {
            try {
                if (in.read(buf) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open
            } catch (IOException e) {
                return true; // reset
            }
        }
        return false;
    }

    /** The status code of the server's answer, or -1 if none came (closed, reset, or nothing) within {@code bound}. */
    int statusWithin(Duration bound) throws IOException {
        socket.setSoTimeout((int) bound.toMillis());
        StringBuilder line = new StringBuilder();
        InputStream in = socket.getInputStream();
        try {
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
        } catch (IOException e) {
            return -1;
        }
        String[] parts = line.toString().split(" ");
        return parts.length >= 2 && parts[0].startsWith("HTTP/") && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
