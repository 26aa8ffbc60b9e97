package org.ronghe.region;

import java.util.List;

/** Thrown when an import file is refused; nothing of the file has been written. */
public class RegionImportException extends RuntimeException {

    private final transient List<ImportProblem> problems;

    /** @param problems every problem found, in file order (at least one) */
    public RegionImportException(List<ImportProblem> problems) {
        super("区划导入被拒绝：" + problems.size() + " 处错误，首处为 " + problems.get(0).describe());
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found, in file order */
    public List<ImportProblem> problems() {
        return problems;
    }
}
