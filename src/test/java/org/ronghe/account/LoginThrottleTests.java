package org.ronghe.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

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
            fail("Zhang");
        }
        assertThat(throttle.isLocked("zhang")).isFalse();
        fail("zhang ");
        assertThat(throttle.isLocked("ZHANG")).as("case and spaces do not matter").isTrue();
        clock.now = clock.now.plus(LoginThrottle.LOCK_TIME).minusSeconds(1);
        assertThat(throttle.isLocked("zhang")).isTrue();
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertThat(throttle.isLocked("zhang")).isFalse();
        fail("zhang");
        assertThat(throttle.isLocked("zhang")).as("count starts again after a lock expired").isFalse();
    }

    @Test
    void successClearsTheCount() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            fail("li");
        }
        throttle.onSuccess(new AuthenticationSuccessEvent(
                UsernamePasswordAuthenticationToken.authenticated("li", null, java.util.List.of())));
        fail("li");
        assertThat(throttle.isLocked("li")).isFalse();
    }

    private void fail(String username) {
        throttle.onFailure(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(username, "x"), new BadCredentialsException("bad")));
    }
}
