package org.ronghe.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.LockedException;

class LoginThrottleTests {

    static class MovableClock extends Clock {
        Instant now = Instant.parse("2025-08-27T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void locksAfterFiveFailuresForFifteenMinutes() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.verify("Zhang", () -> false);
        }
        assertThat(throttle.isLocked("zhang")).isFalse();
        throttle.verify("zhang ", () -> false);
        assertThat(throttle.isLocked("ZHANG")).as("case and spaces do not matter").isTrue();
        assertThatThrownBy(() -> throttle.verify("zhang", () -> true)).isInstanceOf(LockedException.class);
        clock.now = clock.now.plus(LoginThrottle.LOCK_TIME).minusSeconds(1);
        assertThat(throttle.isLocked("zhang")).isTrue();
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertThat(throttle.isLocked("zhang")).isFalse();
        throttle.verify("zhang", () -> false);
        assertThat(throttle.isLocked("zhang")).as("count starts again after a lock expired").isFalse();
    }

    @Test
    void successAndAnAdministratorsClearResetTheCount() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.verify("li", () -> false);
        }
        assertThat(throttle.verify("li", () -> true)).isTrue();
        throttle.verify("li", () -> false);
        assertThat(throttle.isLocked("li")).isFalse();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.verify("wang", () -> false);
        }
        throttle.clear("wang");
        assertThat(throttle.isLocked("wang")).isFalse();
    }

    @Test
    void guessesSentInParallelAreCountedLikeSequentialOnes() throws Exception {
        AtomicInteger checked = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    throttle.verify("parallel", () -> {
                        checked.incrementAndGet();
                        return false;
                    });
                } catch (LockedException expected) {
                    // refused without a password check
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : results) {
            f.get();
        }
        pool.shutdown();
        assertThat(checked.get()).isEqualTo(LoginThrottle.MAX_FAILURES);
    }
}
