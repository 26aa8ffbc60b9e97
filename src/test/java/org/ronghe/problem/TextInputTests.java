package org.ronghe.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextInputTests {

    @Test
    void invisibleAndFillerCharactersAreRemoved() {
        for (String hidden : new String[] {"\u200b", "\u200f", "\u202e", "\ufeff", "\u00ad", "\u034f", "\ufe0f",
                "\u3164", "\u115f", "\uffa0", "\u2800", "\u180e", "\udb40\udd00"}) {
            assertThat(TextInput.clean("高平" + hidden + "市")).as(Integer.toHexString(hidden.codePointAt(0)))
                    .isEqualTo("高平市");
        }
        assertThat(TextInput.clean("\u00a0高平市\u3000")).isEqualTo("高平市");
    }

    @Test
    void controlCharactersRadicalsAndLoneSurrogatesAreRefusedWithTheFieldNamed() {
        for (String bad : new String[] {"a\u0000b", "a\nb", "a\tb", "\u001b[31m", "高平市⺠政局", "高平市⽔务局", "x\ud800"}) {
            List<FieldProblem> problems = new ArrayList<>();
            TextInput.line("name", "名称", bad, 100, true, problems);
            assertThat(problems).as(bad).singleElement().extracting(FieldProblem::field).isEqualTo("name");
        }
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        List<FieldProblem> problems = new ArrayList<>();
        TextInput.line("name", "名称", "😀".repeat(100), 100, true, problems);
        assertThat(problems).isEmpty();
        TextInput.line("name", "名称", "😀".repeat(101), 100, true, problems);
        assertThat(problems).hasSize(1);
    }

    @Test
    void foldingMakesFullWidthAndSpacedNamesEqual() {
        assertThat(TextInput.fold(" 高平市 ＡＢＣ\u200b局 ")).isEqualTo(TextInput.fold("高平市ABC局"));
        assertThat(TextInput.quote("x".repeat(100))).hasSize(41);
    }
}
