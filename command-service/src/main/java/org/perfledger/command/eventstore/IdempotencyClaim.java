package org.perfledger.command.eventstore;

/**
 * A request's {@code Idempotency-Key} claimed together with the answer a retry gets: one row of
 * {@code command_idempotency}, written in the same transaction as the command's events.
 *
 * @param resultType the answer's class, or null for a command without one
 * @param result     the answer as JSON, or null
 */
public record IdempotencyClaim(String district, String key, String fingerprint, String commandName, String actor,
                               String resultType, String result) {

    /**
     * The key was claimed before, by a request that committed first (a retry sent while the first was still running):
     * the command's events are not written, and it is answered with what the first request was.
     */
    public static final class AnsweredBefore extends RuntimeException {

        private final transient IdempotencyClaim claimed;
        private final String storedFingerprint;
        private final String storedType;
        private final String storedResult;

        AnsweredBefore(IdempotencyClaim claimed, String storedFingerprint, String storedType, String storedResult) {
            super("Idempotency-Key " + claimed.key() + " was answered before", null, false, false);
            this.claimed = claimed;
            this.storedFingerprint = storedFingerprint;
            this.storedType = storedType;
            this.storedResult = storedResult;
        }

        /** Whether the first request was this one (and not another that reused the key). */
        public boolean sameRequest() {
            return claimed.fingerprint().equals(storedFingerprint);
        }

        public String storedType() {
            return storedType;
        }

        public String storedResult() {
            return storedResult;
        }
    }
}
