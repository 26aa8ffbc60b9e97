package org.ronghe.land;

import java.util.Arrays;
import java.util.Optional;

/** Land types of the registry (GB/T 21010 first-level classes as the 确权 data records them). */
public enum LandType {
    /** 耕地 */
    CULTIVATED("耕地"),
    /** 园地 */
    GARDEN("园地"),
    /** 林地 (outside the transfer rules of the 办法, L02) */
    FOREST("林地"),
    /** 草地 (outside the transfer rules of the 办法, L02) */
    GRASS("草地"),
    /** 其他 */
    OTHER("其他");

    private final String label;

    LandType(String label) {
        this.label = label;
    }

    /** @return the Chinese name */
    public String label() {
        return label;
    }

    /** @return the type with this Chinese name or code, or empty */
    public static Optional<LandType> parse(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(v -> v.label.equals(t) || v.name().equals(t)).findFirst();
    }
}
