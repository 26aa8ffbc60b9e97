package org.ronghe.department;

import java.util.List;

/**
 * A department or other unit.
 *
 * @param id         surrogate key
 * @param countyCode 6-digit county code
 * @param name       full official name, e.g. {@code 高平市发展改革和科技局}
 * @param shortName  short name for lists, e.g. {@code 发改局}
 * @param docCode    机关代字 for 发文字号, e.g. {@code 高发改} (GB/T 9704-2012, 7.2.4)
 * @param unitType   kind of unit
 * @param active     whether the unit is in use (inactive units keep their history but get no new work)
 * @param version    optimistic-lock version, incremented by every update
 * @param aliases    other names, folded for matching (see {@link org.ronghe.problem.TextInput#fold})
 */
public record Department(long id, String countyCode, String name, String shortName, String docCode,
                         UnitType unitType, boolean active, int version, List<String> aliases) {
}
