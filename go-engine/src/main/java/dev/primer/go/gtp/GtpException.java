package dev.primer.go.gtp;

/** A command failure: the engine answers "? message" and carries on. */
final class GtpException extends RuntimeException {
    GtpException(String message) {
        super(message);
    }
}
