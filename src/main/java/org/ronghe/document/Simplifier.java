package org.ronghe.document;

import com.ibm.icu.text.Transliterator;

/**
 * Converts traditional Chinese characters to simplified ones (ICU's {@code Traditional-Simplified} transform) so
 * that the extractor's patterns, written in simplified characters, also match letters written in traditional
 * characters. The transform is loaded only when a letter contains characters that are distinctly traditional.
 */
final class Simplifier {

    /** Common characters that exist only in traditional writing; any of them marks a traditional text. */
    private static final String TELLTALES = "關於會議號復單縣區發時間員書記國專應實務開與為對這個們來點過經濟處農業鄉鎮電話聯係繫計劃"
            + "進達維護設資訊報導題屆將辦門問體營產權據說見級劃長貴組織財稅類別簽絡結規";

    private static volatile Transliterator transliterator;

    private Simplifier() {
    }

    /**
     * @param text any text
     * @return the text in simplified characters, or the text itself when it has no traditional characters
     */
    static String toSimplified(String text) {
        boolean traditional = false;
        for (int i = 0; i < text.length() && !traditional; i++) {
            traditional = TELLTALES.indexOf(text.charAt(i)) >= 0;
        }
        if (!traditional) {
            return text;
        }
        Transliterator t = transliterator;
        if (t == null) {
            synchronized (Simplifier.class) {
                t = transliterator;
                if (t == null) {
                    t = Transliterator.getInstance("Traditional-Simplified");
                    transliterator = t;
                }
            }
        }
        return t.transliterate(text);
    }
}
