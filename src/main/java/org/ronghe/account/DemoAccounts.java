package org.ronghe.account;

import java.util.List;

import org.ronghe.department.DepartmentDirectory;
import org.ronghe.tenancy.CountySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Trial accounts, one per role, created in the {@code demo} profile only (on by default with the embedded
 * database, see {@link DemoProfileActivator}). Their password is {@value #PASSWORD}, documented in the README:
 * never enable this profile on a server reachable by others.
 */
@Component
@Profile(DemoProfileActivator.PROFILE)
class DemoAccounts {

    /** The documented password of every demo account. */
    static final String PASSWORD = "ronghe-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final UserAccounts accounts;
    private final DepartmentDirectory departments;
    private final CountySettings county;

    DemoAccounts(UserAccounts accounts, DepartmentDirectory departments, CountySettings county) {
        this.accounts = accounts;
        this.departments = departments;
        this.county = county;
    }

    void createDemoAccounts() {
        record Demo(String username, String name, Role role, String unitDocCode, String phone) {
        }
        List<Demo> demos = List.of(
                new Demo("demo-admin", "演示·系统管理员", Role.ADMIN, null, null),
                new Demo("demo-office", "演示·提案委工作人员", Role.CPPCC_OFFICE, "高政协提", null),
                new Demo("demo-supervision", "演示·督查室", Role.SUPERVISION, "高政督", null),
                new Demo("demo-unit", "演示·发改局承办人", Role.UNIT_STAFF, "高发改", "13900000001"),
                new Demo("demo-unit-agri", "演示·农业农村局承办人", Role.UNIT_STAFF, "高农", "13900000002"),
                new Demo("demo-proposer", "演示·提案者", Role.PROPOSER, null, null),
                new Demo("demo-leader", "演示·领导", Role.LEADER, null, null),
                new Demo("demo-leader-agri", "演示·农业农村局局长", Role.LEADER, "高农", null));
        int created = 0;
        for (Demo demo : demos) {
            if (accounts.find(demo.username()).isPresent()) {
                continue;
            }
            Long unit = demo.unitDocCode() == null ? null : departments.list(county.code()).stream()
                    .filter(d -> d.docCode().equals(demo.unitDocCode())).map(d -> d.id()).findFirst().orElse(null);
            if (demo.role() == Role.UNIT_STAFF && unit == null) {
                log.warn("Demo account {} skipped: no unit with 机关代字 {}", demo.username(), demo.unitDocCode());
                continue;
            }
            accounts.create(new UserAccounts.NewAccount(county.code(), demo.username(), demo.name(), demo.role(), unit,
                    demo.phone()), PASSWORD);
            created++;
        }
        if (created > 0) {
            log.info("Demo profile: created {} demo accounts (password documented in README)", created);
        }
        log.warn("Demo profile is on: demo accounts with the published password '{}' can sign in. "
                + "Turn it off with --ronghe.demo=false before others can reach this server.", PASSWORD);
    }
}
