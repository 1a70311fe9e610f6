package io.llmgateway.adapter.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * What a hostile or broken upstream sends: the bytes of a response (status line, headers, some body),
 * then what it does after them.
 */
record HostileResponse(String name, byte[] head, Tail tail, byte[] endless) {

    enum Tail { CLOSE, HANG, ENDLESS }

    static HostileResponse of(String name, String head, Tail tail) {
        return new HostileResponse(name, head.getBytes(StandardCharsets.ISO_8859_1), tail, new byte[] {'x'});
    }

    static HostileResponse of(String name, byte[] head, Tail tail, String endless) {
        return new HostileResponse(name, head, tail, endless.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        String shown = new String(head, 0, Math.min(head.length, 300), StandardCharsets.ISO_8859_1);
        return name + " [" + tail + ", " + head.length + " bytes: " + shown.replace("\r", "\\r").replace("\n", "\\n") + "]";
    }
}
