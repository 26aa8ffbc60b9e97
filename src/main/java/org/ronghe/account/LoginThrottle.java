package org.ronghe.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Limits password guessing (GB/T 22239-2019 8.1.4.1 b: 限制非法登录次数): after {@value #MAX_FAILURES} consecutive
 * failed logins for one username, that username is locked for {@link #LOCK_TIME}. Usernames that do not exist are
 * counted the same way, so the lock reveals nothing about which accounts exist. A successful login clears the count.
 * Counts are kept in memory (per application node) and reset on restart.
 */
@Component
public class LoginThrottle {

    /** Consecutive failures that lock a username. */
    public static final int MAX_FAILURES = 5;
    /** How long a locked username stays locked. */
    public static final Duration LOCK_TIME = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param username login name as typed
     * @return whether sign-in for this username is refused at the moment
     */
    public boolean isLocked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.lockedUntil != null && clock.instant().isBefore(f.lockedUntil);
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String name = String.valueOf(event.getAuthentication().getPrincipal());
        Failures f = failures.compute(key(name), (k, old) -> {
            Failures next = old == null || (old.lockedUntil != null && !clock.instant().isBefore(old.lockedUntil))
                    ? new Failures(0, null) : old;
            int count = next.count + 1;
            return new Failures(count, count >= MAX_FAILURES ? clock.instant().plus(LOCK_TIME) : null);
        });
        if (f.lockedUntil != null && f.count == MAX_FAILURES) {
            log.warn("Username '{}' locked for {} after {} failed logins", name, LOCK_TIME, MAX_FAILURES);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private static String key(String username) {
        String k = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return k.length() > 64 ? k.substring(0, 64) : k;
    }

    private record Failures(int count, Instant lockedUntil) {
    }
}
