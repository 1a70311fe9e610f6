package io.llmgateway.sim.internal.profile;

/** A profile file is invalid; the message names the file, the path inside it and the bad value. */
public final class ProfileFileException extends IllegalArgumentException {
    public ProfileFileException(String message) {
        super(message);
    }
}
