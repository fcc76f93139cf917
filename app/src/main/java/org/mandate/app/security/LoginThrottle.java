package org.mandate.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per account and per client address. After {@code freeFailures} failures in a row, each further
 * failure locks the account (or address) for a delay that doubles from {@code firstDelay} up to {@code maxDelay};
 * a success clears the account. A failure older than {@code forgetAfter} is forgotten. Kept in this node's
 * memory: a guesser spreading attempts over nodes gets one allowance per node, which still slows guessing to a
 * crawl and costs no database write per failed login.
 */
final class LoginThrottle {

    /** Past this many tracked keys, the forgotten ones are swept, so guessed user names cannot fill the heap. */
    private static final int SWEEP_ABOVE = 10_000;
    /** Past this many even after a sweep, keys not locked right now are dropped too (a flood of guessed names). */
    private static final int HARD_LIMIT = 100_000;
    private static final int LONGEST_KEY = 128;

    /** {@code mandate.security.login-throttle.*}; each one left out takes the default below. */
    record Settings(Integer accountFreeFailures, Integer addressFreeFailures, Duration firstDelay, Duration maxDelay,
                    Duration forgetAfter) {

        Settings {
            accountFreeFailures = accountFreeFailures == null ? 5 : accountFreeFailures;
            addressFreeFailures = addressFreeFailures == null ? 20 : addressFreeFailures;
            firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
            maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
            forgetAfter = forgetAfter == null ? Duration.ofMinutes(15) : forgetAfter;
        }
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long the account or the address must still wait; zero when a login may be tried now. */
    Duration wait(String account, String address) {
        Instant now = clock.instant();
        Duration byAccount = remaining(accounts.get(key(account)), now);
        Duration byAddress = remaining(addresses.get(key(address)), now);
        return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
    }

    void failed(String account, String address) {
        Instant now = clock.instant();
        accounts.compute(key(account), (key, known) -> next(known, now, settings.accountFreeFailures()));
        addresses.compute(key(address), (key, known) -> next(known, now, settings.addressFreeFailures()));
        sweep(accounts, now);
        sweep(addresses, now);
    }

    void succeeded(String account) {
        accounts.remove(key(account));
    }

    /** Accounts and addresses that are locked right now. */
    int locked() {
        Instant now = clock.instant();
        return (int) (accounts.values().stream().filter(failures -> now.isBefore(failures.lockedUntil())).count()
                + addresses.values().stream().filter(failures -> now.isBefore(failures.lockedUntil())).count());
    }

    private Failures next(Failures known, Instant now, int free) {
        int count = known == null || forgotten(known, now) ? 1 : known.count() + 1;
        if (count <= free) {
            return new Failures(count, now, now);
        }
        int doublings = Math.min(count - free - 1, 30);
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        if (delay.compareTo(settings.maxDelay()) > 0) {
            delay = settings.maxDelay();
        }
        return new Failures(count, now, now.plus(delay));
    }

    private boolean forgotten(Failures failures, Instant now) {
        return !now.isBefore(failures.lockedUntil()) && !now.isBefore(failures.last().plus(settings.forgetAfter()));
    }

    private static Duration remaining(Failures failures, Instant now) {
        return failures == null || !now.isBefore(failures.lockedUntil()) ? Duration.ZERO
                : Duration.between(now, failures.lockedUntil());
    }

    private void sweep(Map<String, Failures> failures, Instant now) {
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(known -> forgotten(known, now));
        }
        if (failures.size() > HARD_LIMIT) {
            failures.values().removeIf(known -> !now.isBefore(known.lockedUntil()));
        }
    }

    private static String key(String value) {
        String key = value == null ? "" : value;
        return key.length() > LONGEST_KEY ? key.substring(0, LONGEST_KEY) : key;
    }
}
