package org.mandate.app.idempotency;

/**
 * A POST that carries an Idempotency-Key, waiting for the command it causes. The web filter opens it on the
 * request's thread; the command bus claims it for the first command that thread sends, so nested commands
 * (sent by engine listeners while the first is handled) do not record the key again.
 */
record IdempotentCall(String caller, String key, String fingerprint, String requestLine) {

    private static final ThreadLocal<IdempotentCall> OPEN = new ThreadLocal<>();

    void open() {
        OPEN.set(this);
    }

    static IdempotentCall claim() {
        IdempotentCall call = OPEN.get();
        OPEN.remove();
        return call;
    }

    static void close() {
        OPEN.remove();
    }
}
