package org.ronghe.department;

/** Kind of unit. */
public enum UnitType {
    /** 政府工作部门 (bureaus, commissions): handling units of proposals and owners of tasks. */
    GOVERNMENT_DEPARTMENT("政府工作部门"),
    /** 政协提案委 / 提案工作机构: files and assigns CPPCC proposals. */
    CPPCC_OFFICE("政协提案委"),
    /** 政府督查室: supervises handling and key tasks. */
    SUPERVISION_OFFICE("督查室"),
    /** 人大常委会办公室 / 代表工作机构: files and assigns NPC deputies' suggestions. */
    NPC_OFFICE("人大办"),
    /** Any other organisation (enterprises, public institutions, township governments). */
    OTHER("其他单位");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    /** @return Chinese name of the kind */
    public String label() {
        return label;
    }
}
