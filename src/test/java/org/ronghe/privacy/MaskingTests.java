package org.ronghe.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void masksMobileAndLandlineNumbers() {
        assertThat(Masking.phone("13912345678")).isEqualTo("139****5678");
        assertThat(Masking.phone("0356-5221234")).isEqualTo("*******1234");
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void masksIdentityNumbersKeepingRegionAndLastFour() {
        assertThat(Masking.idNumber("14058119800101123X")).isEqualTo("140581********123X");
        assertThat(Masking.idNumber("12345")).isEqualTo("*****");
    }
}
