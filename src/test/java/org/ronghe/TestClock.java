package org.ronghe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The county clock of the tests: it runs at the real pace (so records made one after another keep their order) but
 * starts from an instant the test chooses, not from the machine's. By default it starts at {@link #START}, an instant
 * at which the UTC date (28 February) and the China date (1 March) differ — in day and in month — so any code that
 * asks the machine's zone for "today" instead of this clock gives a different answer and fails its test. Tests that
 * move it put it back with {@link #reset()}.
 */
public final class TestClock extends Clock {

    /** 2027-02-28T17:00Z: 2027-03-01 01:00 in China, still 28 February in UTC and west of it. */
    public static final Instant START = Instant.parse("2027-02-28T17:00:00Z");

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ZoneId zone;
    /** The offset it started with: {@link #reset()} returns to it, so the clock never runs backwards over a suite. */
    private final Duration initial;
    private volatile Duration offset;

    public TestClock() {
        this(CHINA, offsetTo(START));
    }

    private TestClock(ZoneId zone, Duration offset) {
        this.zone = zone;
        this.initial = offset;
        this.offset = offset;
    }

    private static Duration offsetTo(Instant target) {
        return Duration.between(Clock.systemUTC().instant(), target);
    }

    /** Moves the clock so that it reads {@code instant} now (and runs on from there). */
    public void set(Instant instant) {
        offset = offsetTo(instant);
    }

    /** Moves the clock so that it reads {@code day} at {@code hour}:00 in China now. */
    public void set(LocalDate day, int hour) {
        set(day.atTime(hour, 0).atZone(CHINA).toInstant());
    }

    /** Moves the clock forward (or back, for a negative amount). */
    public void advance(Duration amount) {
        offset = offset.plus(amount);
    }

    /**
     * Puts the clock back on its own course: {@link #START} plus the time run since it was made, as if it had never
     * been moved. (Back to {@code START} itself would put later records before earlier ones.)
     */
    public void reset() {
        offset = initial;
    }

    /** @return now as a timestamp with the county's offset, for SQL parameters */
    public OffsetDateTime dateTime() {
        return OffsetDateTime.ofInstant(instant(), zone);
    }

    /** @return today in China by this clock */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(other, offset);
    }

    @Override
    public Instant instant() {
        return Clock.systemUTC().instant().plus(offset);
    }
}
