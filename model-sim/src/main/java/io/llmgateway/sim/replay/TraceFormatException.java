package io.llmgateway.sim.replay;

/** A trace file that cannot be read; the message names the file and the line. */
public final class TraceFormatException extends IllegalArgumentException {

    public TraceFormatException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
