package org.ronghe.region;

import java.util.List;

/**
 * API shape of a unit with its direct subordinates.
 *
 * @param code       12-digit division code
 * @param name       official name
 * @param level      {@code county}, {@code township} or {@code village}
 * @param parentCode 12-digit parent code
 * @param children   direct subordinates, ordered by code
 */
public record RegionView(String code, String name, String level, String parentCode, List<Child> children) {

    /**
     * A subordinate unit.
     *
     * @param code  12-digit division code
     * @param name  official name
     * @param level {@code township} or {@code village}
     */
    public record Child(String code, String name, String level) {
    }

    static RegionView of(Region region, List<Region> children) {
        return new RegionView(region.code(), region.name(), lower(region.level()), region.parentCode(),
                children.stream().map(c -> new Child(c.code(), c.name(), lower(c.level()))).toList());
    }

    private static String lower(RegionLevel level) {
        return level.name().toLowerCase(java.util.Locale.ROOT);
    }
}
