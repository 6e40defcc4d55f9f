package org.vetted.support.signing;

/** A service that must sign or verify events was started without its keys. */
public class SigningKeyMissingException extends IllegalStateException {
    public SigningKeyMissingException(String message) {
        super(message);
    }
}
