package org.ronghe.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

/**
 * Limits password guessing (GB/T 22239-2019 8.1.4.1 b: 限制非法登录次数): after {@value #MAX_FAILURES} consecutive
 * failed password checks for one username, that username is locked for {@link #LOCK_TIME}.
 *
 * <p>Checks for one username run one at a time ({@link #verify}), so guesses sent in parallel are counted like
 * guesses sent one after another: at most {@value #MAX_FAILURES} passwords are ever checked per lock period.
 * Usernames that do not exist are counted the same way, so a lock reveals nothing about which accounts exist.
 * A successful check, or an administrator resetting the password or re-enabling the account, clears the count.
 * Counts live in memory (per application node) and reset on restart.
 */
@Component
public class LoginThrottle {

    /** Consecutive failures that lock a username. */
    public static final int MAX_FAILURES = 5;
    /** How long a locked username stays locked. */
    public static final Duration LOCK_TIME = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int STRIPES = 64;
    private static final int SWEEP_ABOVE = 10_000;

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Runs one password check for a username, unless the username is locked.
     *
     * @param username login name as typed
     * @param check    the password check; {@code true} when the password is right
     * @return the result of the check
     * @throws LockedException if the username is locked; the check is not run then
     */
    public boolean verify(String username, BooleanSupplier check) {
        String key = key(username);
        ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), STRIPES)];
        lock.lock();
        try {
            if (isLocked(username)) {
                throw new LockedException("username locked after repeated failures");
            }
            boolean ok = check.getAsBoolean();
            if (ok) {
                failures.remove(key);
            } else {
                recordFailure(key);
            }
            return ok;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param username login name as typed
     * @return whether sign-in for this username is refused at the moment
     */
    public boolean isLocked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.lockedUntil != null && clock.instant().isBefore(f.lockedUntil);
    }

    /**
     * Forgets the failures of a username (an administrator reset its password or re-enabled it).
     *
     * @param username login name
     */
    public void clear(String username) {
        failures.remove(key(username));
    }

    private void recordFailure(String key) {
        Instant now = clock.instant();
        Failures f = failures.compute(key, (k, old) -> {
            Failures next = old == null || (old.lockedUntil != null && !now.isBefore(old.lockedUntil))
                    ? new Failures(0, null, now) : old;
            int count = next.count + 1;
            return new Failures(count, count >= MAX_FAILURES ? now.plus(LOCK_TIME) : null, now);
        });
        if (f.count == MAX_FAILURES) {
            log.warn("Username '{}' locked for {} after {} failed password checks", printable(key), LOCK_TIME,
                    MAX_FAILURES);
        }
        if (failures.size() > SWEEP_ABOVE) {
            failures.entrySet().removeIf(e -> e.getValue().last.plus(LOCK_TIME).isBefore(now));
        }
    }

    private static String key(String username) {
        String k = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return k.length() > 64 ? k.substring(0, 64) : k;
    }

    /** Usernames are typed by anyone: never let one forge a log line. */
    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    private record Failures(int count, Instant lockedUntil, Instant last) {
    }
}
