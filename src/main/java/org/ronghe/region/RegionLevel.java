package org.ronghe.region;

/**
 * Level of an administrative unit in the county hierarchy.
 *
 * <p>Structure of the 12-digit statistical division code (国家统计局《统计用区划代码和城乡划分代码编制规则》):
 * digits 1–6 county, 7–9 township, 10–12 village. A county code ends in {@code 000000}, a township code in
 * {@code 000} with a non-zero township part, a village code has a non-zero village part.
 */
public enum RegionLevel {
    /** 县级 (county, county-level city, district): the platform's tenant. */
    COUNTY("县级"),
    /** 乡级 (镇, 乡, 街道). */
    TOWNSHIP("乡级"),
    /** 村级 (村委会, 居委会 and similar). */
    VILLAGE("村级");

    private final String label;

    RegionLevel(String label) {
        this.label = label;
    }

    /** @return Chinese label for the UI */
    public String label() {
        return label;
    }

    /**
     * Level implied by the structure of a well-formed 12-digit code.
     *
     * @param code 12-digit division code
     * @return the level the code's zero pattern denotes
     */
    public static RegionLevel ofCode(String code) {
        if (code.endsWith("000000")) {
            return COUNTY;
        }
        return code.endsWith("000") ? TOWNSHIP : VILLAGE;
    }

    /**
     * Parent code a unit of this code must have: a village's township, a township's county, a county's
     * prefecture ({@code XXXX00000000}).
     *
     * @param code 12-digit division code
     * @return the 12-digit code of the parent unit
     */
    public static String parentOf(String code) {
        return switch (ofCode(code)) {
            case COUNTY -> code.substring(0, 4) + "00000000";
            case TOWNSHIP -> code.substring(0, 6) + "000000";
            case VILLAGE -> code.substring(0, 9) + "000";
        };
    }
}
