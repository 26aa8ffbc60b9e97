package org.ronghe.department;

import java.util.List;

/**
 * Editable fields of a unit, as submitted by an administrator (web form or JSON).
 *
 * @param name      full official name (required, at most 100 characters)
 * @param shortName short name (required, at most 40 characters)
 * @param docCode   机关代字 (required, at most 20 characters, unique in the county)
 * @param unitType  kind of unit (required)
 * @param active    whether the unit is in use
 * @param aliases   other names, one per entry; blanks are ignored, duplicates collapse
 * @param version   version the editor started from (for updates; ignored on creation)
 */
public record DepartmentForm(String name, String shortName, String docCode, UnitType unitType, Boolean active,
                             List<String> aliases, Integer version) {

    /** @return an empty form for a new unit */
    public static DepartmentForm blank() {
        return new DepartmentForm("", "", "", UnitType.GOVERNMENT_DEPARTMENT, true, List.of(), 0);
    }

    /**
     * @param d an existing unit
     * @return a form holding its current values
     */
    public static DepartmentForm of(Department d) {
        return new DepartmentForm(d.name(), d.shortName(), d.docCode(), d.unitType(), d.active(), d.aliases(),
                d.version());
    }

    /** @return aliases joined by newlines, for a textarea */
    public String aliasesText() {
        return aliases == null ? "" : String.join("\n", aliases);
    }
}
