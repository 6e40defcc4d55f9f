package org.vetted.support.signing;

/** The demo keys, whose private halves anyone can read, were asked for outside the profiles meant for them. */
public class DemoKeysRefusedException extends SigningKeyMissingException {
    public DemoKeysRefusedException(String message) {
        super(message);
    }
}
