package org.ronghe.account;

/**
 * Roles of the platform. Each account has exactly one; Spring Security authority {@code ROLE_<name>}.
 * Anonymous visitors (the public) have no account and see public pages only.
 */
public enum Role {
    /** 系统管理员: accounts, departments, regions, audit trail. */
    ADMIN("系统管理员"),
    /** 提案委工作人员: the CPPCC (and NPC) office that files and assigns proposals. */
    CPPCC_OFFICE("提案委工作人员"),
    /** 督查室: the government supervision office; reviews replies and chases deadlines. */
    SUPERVISION("督查室"),
    /** 承办单位工作人员: staff of one handling unit; sees only that unit's items. */
    UNIT_STAFF("承办单位工作人员"),
    /** 提案者: CPPCC member, NPC deputy or the contact of a party branch or group. */
    PROPOSER("提案者"),
    /** 领导: department or county leader; reads everything, changes nothing. */
    LEADER("领导");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** @return Chinese name of the role */
    public String label() {
        return label;
    }

    /** @return the Spring Security authority, e.g. {@code ROLE_ADMIN} */
    public String authority() {
        return "ROLE_" + name();
    }
}
