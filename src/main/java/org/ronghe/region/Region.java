package org.ronghe.region;

/**
 * One administrative unit.
 *
 * @param code       12-digit statistical division code
 * @param countyCode 6-digit code of the county it belongs to (the tenant key)
 * @param name       official name, e.g. {@code 良户村委会}
 * @param level      county, township or village
 * @param parentCode 12-digit code of the parent unit (a county's parent is its prefecture, not stored)
 */
public record Region(String code, String countyCode, String name, RegionLevel level, String parentCode) {
}
