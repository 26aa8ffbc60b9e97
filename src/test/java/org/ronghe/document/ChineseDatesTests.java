package org.ronghe.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseDatesTests {

    @Test
    void readsTheFormsLettersAreDatedWith() {
        assertThat(ChineseDates.wholeLine("2025年8月27日").date()).hasToString("2025-08-27");
        assertThat(ChineseDates.wholeLine("二〇二五年八月二十七日").date()).hasToString("2025-08-27");
        assertThat(ChineseDates.wholeLine("二0一七年十二月五日").date()).hasToString("2017-12-05");
        assertThat(ChineseDates.wholeLine("二○二四年十月三十一日").date()).hasToString("2024-10-31");
        assertThat(ChineseDates.wholeLine("2024-06-27").date()).hasToString("2024-06-27");
        assertThat(ChineseDates.wholeLine("2024.6.7").date()).hasToString("2024-06-07");
        assertThat(ChineseDates.wholeLine("2020511").date()).hasToString("2020-05-11");
        assertThat(ChineseDates.wholeLine("20231105").date()).hasToString("2023-11-05");
        assertThat(ChineseDates.wholeLine("2020 年 5 月 11 日").date()).hasToString("2020-05-11");
    }

    @Test
    void refusesWhatIsNotADate() {
        assertThat(ChineseDates.wholeLine("2025年2月30日")).isNull();
        assertThat(ChineseDates.wholeLine("发布时间：2024-09-11")).isNull();
        assertThat(ChineseDates.wholeLine("20201")).isNull();
        assertThat(ChineseDates.wholeLine("2024年共完成")).isNull();
    }
}
