package org.ronghe.department;

import java.text.Normalizer;

/** Normalisation of unit names for matching. */
public final class DepartmentNames {

    private DepartmentNames() {
    }

    /**
     * Folds a name for exact matching: Unicode NFKC (full-width letters and digits become half-width) and all
     * whitespace removed, so {@code "高平市 发展和改革委员会"} and {@code "高平市发展和改革委员会"} match.
     *
     * @param name a unit name as printed, may be {@code null}
     * @return the folded name, empty for {@code null}
     */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
    }
}
