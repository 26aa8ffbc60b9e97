package org.ronghe.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** L18's comparison of terms: two terms overlap exactly when some day lies in both (half-open ranges). */
class PeriodPropertyTests {

    static final LocalDate BASE = LocalDate.of(2026, 1, 1);

    @Property
    void overlapIsSymmetricAndMeansASharedDay(@ForAll @IntRange(min = 0, max = 60) int s1, @ForAll @IntRange(min = 1, max = 30) int l1,
                                              @ForAll @IntRange(min = 0, max = 60) int s2, @ForAll @IntRange(min = 1, max = 30) int l2) {
        Period a = new Period(BASE.plusDays(s1), BASE.plusDays(s1 + l1));
        Period b = new Period(BASE.plusDays(s2), BASE.plusDays(s2 + l2));
        boolean sharedDay = false;
        for (int d = 0; d <= 100; d++) {
            LocalDate day = BASE.plusDays(d);
            boolean inA = !day.isBefore(a.start()) && day.isBefore(a.end());
            boolean inB = !day.isBefore(b.start()) && day.isBefore(b.end());
            sharedDay |= inA && inB;
        }
        assertThat(a.overlaps(b)).isEqualTo(sharedDay).isEqualTo(b.overlaps(a));
    }
}
