package org.ronghe.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** GB 11643 and GB 32100 check characters: every number built with them passes, every single-character change fails. */
class IdentityNumbersPropertyTests {

    /** The day the checks are made on: nobody is born after it. */
    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    @Example
    void aBirthDateAfterTodayIsRefused() {
        String bornToday = "14058120270301002";
        String bornTomorrow = "14058120270302002";
        assertThat(IdentityNumbers.isIdNumber(bornToday + IdentityNumbers.idCheck(bornToday), TODAY)).isTrue();
        assertThat(IdentityNumbers.isIdNumber(bornTomorrow + IdentityNumbers.idCheck(bornTomorrow), TODAY)).isFalse();
    }

    @Example
    void publishedExamplesPass() {
        assertThat(IdentityNumbers.isIdNumber("11010519491231002X", TODAY)).isTrue(); // GB 11643-1999 example
        assertThat(IdentityNumbers.isIdNumber("11010519491231002x", TODAY)).isTrue();
        assertThat(IdentityNumbers.isIdNumber("110105194912310021", TODAY)).isFalse();
        assertThat(IdentityNumbers.isIdNumber("110105194913310028", TODAY)).isFalse(); // month 13
        assertThat(IdentityNumbers.isCreditCode("91350100M000100Y43")).isTrue(); // GB 32100-2015 example
        assertThat(IdentityNumbers.isCreditCode("91110000600037341L")).isTrue();
        assertThat(IdentityNumbers.isCreditCode("91350100M000100Y44")).isFalse();
        assertThat(IdentityNumbers.isCreditCode("91350100I000100Y43")).isFalse(); // I is not a code character
    }

    @Provide
    Arbitrary<String> idBodies() {
        Arbitrary<String> area = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> born = Arbitraries.integers().between(0, 365 * 100).map(d ->
                java.time.LocalDate.of(1920, 1, 1).plusDays(d).toString().replace("-", ""));
        Arbitrary<String> seq = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(area, born, seq).as((a, b, s) -> a + b + s);
    }

    @Property
    void anIdNumberWithItsCheckCharacterPasses(@ForAll("idBodies") String body) {
        assertThat(IdentityNumbers.isIdNumber(body + IdentityNumbers.idCheck(body), TODAY)).isTrue();
    }

    @Property
    void changingOneDigitOfAnIdNumberIsCaught(@ForAll("idBodies") String body, @ForAll @IntRange(min = 0, max = 17) int at,
                                             @ForAll @IntRange(min = 1, max = 9) int shift) {
        String id = body + IdentityNumbers.idCheck(body);
        char c = id.charAt(at);
        char changed = at == 17 && c == 'X' ? (char) ('0' + shift)
                : at == 17 && shift == 10 ? 'X' : (char) ('0' + ((c - '0') + shift) % 10);
        String wrong = id.substring(0, at) + changed + id.substring(at + 1);
        assertThat(IdentityNumbers.isIdNumber(wrong, TODAY)).as(wrong).isFalse();
    }

    @Provide
    Arbitrary<String> creditBodies() {
        return Arbitraries.strings().withChars(IdentityNumbers.USCC_ALPHABET.toCharArray()).ofLength(17);
    }

    @Property
    void aCreditCodeWithItsCheckCharacterPasses(@ForAll("creditBodies") String body) {
        assertThat(IdentityNumbers.isCreditCode(body + IdentityNumbers.usccCheck(body))).isTrue();
    }

    @Property
    void changingOneCharacterOfACreditCodeIsCaught(@ForAll("creditBodies") String body,
                                                  @ForAll @IntRange(min = 0, max = 17) int at,
                                                  @ForAll @IntRange(min = 1, max = 30) int shift) {
        String code = body + IdentityNumbers.usccCheck(body);
        String alphabet = IdentityNumbers.USCC_ALPHABET;
        char changed = alphabet.charAt((alphabet.indexOf(code.charAt(at)) + shift) % 31);
        String wrong = code.substring(0, at) + changed + code.substring(at + 1);
        assertThat(IdentityNumbers.isCreditCode(wrong)).as(wrong).isFalse();
    }
}
