package org.ronghe.land;

import java.time.LocalDate;

/**
 * A transfer's term as a half-open range of days [start, end): the day a transfer ends is the first day another may
 * begin, as PostgreSQL's {@code daterange} (L18 compares terms this way).
 *
 * @param start first day
 * @param end   the day after the last day
 */
public record Period(LocalDate start, LocalDate end) {

    /** @throws IllegalArgumentException unless start is before end */
    public Period {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start must be before end");
        }
    }

    /** @return whether the two terms share a day */
    public boolean overlaps(Period other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
