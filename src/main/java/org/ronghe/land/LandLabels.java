package org.ronghe.land;

import java.util.Map;

/**
 * The Chinese names of the land module's codes, one place for pages, exports and the API's {@code *_label} fields:
 * transfer forms (出租（含转包）/入股/其他, 农村土地承包法 第36条), transferee kinds, and agricultural uses.
 */
final class LandLabels {

    private static final Map<String, String> FORMS = Map.of("LEASE", "出租（含转包）", "SHARE", "入股", "OTHER", "其他");
    private static final Map<String, String> KINDS = Map.of("HOUSEHOLD", "农户", "FAMILY_FARM", "家庭农场",
            "COOPERATIVE", "农民专业合作社", "ENTERPRISE", "企业", "OTHER", "其他");
    private static final Map<String, String> USES = Map.of("GRAIN", "粮食", "CASH_CROP", "经济作物", "VEGETABLE", "蔬菜",
            "ORCHARD", "果树", "FORESTRY", "林木", "AQUACULTURE", "水产", "LIVESTOCK", "畜牧", "NON_GRAIN", "非粮");

    private LandLabels() {
    }

    /** @return the name of a transfer form code (LEASE, SHARE, OTHER), or the code itself */
    static String form(String code) {
        return FORMS.getOrDefault(code, code);
    }

    /** @return the name of a transferee kind code (HOUSEHOLD …), or the code itself */
    static String kind(String code) {
        return KINDS.getOrDefault(code, code);
    }

    /** @return the name of a use code (GRAIN …, and NON_GRAIN for statistics), or the code itself */
    static String use(String code) {
        return USES.getOrDefault(code, code);
    }

    /** @return the name of a code of any of the three kinds, for statistics keys */
    static String any(String code) {
        return FORMS.getOrDefault(code, KINDS.getOrDefault(code, USES.getOrDefault(code, code)));
    }
}
