package org.perfledger.kernel.security;

import java.util.Optional;
import org.perfledger.kernel.text.UnicodeText;

/**
 * The one rule for a stored identity (a token's subject, which becomes the actor of every event, the access audit's
 * subject and every read model's actor column): 1 to {@value #MAX_LENGTH} characters of valid Unicode, with no
 * white space, control or format characters. The token check refuses any other; the tables hold at least as much.
 */
public final class Identity {

    public static final int MAX_LENGTH = 100;

    private Identity() {
    }

    /** What is wrong with {@code subject} as an identity, or empty if it is one. */
    public static Optional<String> problem(String subject) {
        if (subject == null || subject.isEmpty()) {
            return Optional.of("is missing");
        }
        if (!UnicodeText.isWellFormed(subject)) {
            return Optional.of("is not valid Unicode");
        }
        if (subject.codePointCount(0, subject.length()) > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        boolean unfit = subject.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT);
        return unfit ? Optional.of("holds white space, control or format characters") : Optional.empty();
    }
}
