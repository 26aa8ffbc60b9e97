package org.ronghe.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores accounts. Passwords are kept only as hashes (bcrypt through Spring Security's delegating encoder). */
@Service
public class UserAccounts {

    private static final String COLUMNS =
            "id, username, password_hash, display_name, role, department_id, county_code, enabled, security_stamp, "
            + "password_must_change";
    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final SecureRandom random = new SecureRandom();

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, LoginThrottle throttle, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.throttle = throttle;
    }

    /**
     * @param username login name
     * @return the account, or empty
     */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = :u").param("u", username)
                .query(CurrentUser.class).optional();
    }

    /**
     * Whether a signed-in user's session still matches the stored account.
     *
     * @param user the principal held in the session
     * @return {@code false} if the account is gone, disabled, or its security stamp changed since sign-in
     */
    @Transactional(readOnly = true)
    public boolean isCurrent(CurrentUser user) {
        return jdbc.sql("select exists (select 1 from app_user where id = :id and enabled and security_stamp = :s)")
                .param("id", user.id()).param("s", user.securityStamp()).query(Boolean.class).single();
    }

    /**
     * @param role a role
     * @return whether at least one enabled account has it
     */
    @Transactional(readOnly = true)
    public boolean anyWithRole(Role role) {
        return jdbc.sql("select exists (select 1 from app_user where role = :r and enabled)").param("r", role.name())
                .query(Boolean.class).single();
    }

    /**
     * Lists the accounts bound to a unit.
     *
     * @param departmentId unit id
     * @return members ordered by display name
     */
    @Transactional(readOnly = true)
    public List<Member> members(long departmentId) {
        return jdbc.sql("""
                select username, display_name, role, phone, enabled from app_user
                where department_id = :d order by display_name""")
                .param("d", departmentId).query(Member.class).list();
    }

    /**
     * Creates an account with a password chosen for it (the documented demo password); the user is not asked to
     * change it.
     *
     * @param account      fields of the new account
     * @param rawPassword  initial password in clear (hashed before storage)
     * @return the account id
     * @throws org.springframework.dao.DuplicateKeyException if the username is taken
     */
    @Transactional
    public long create(NewAccount account, String rawPassword) {
        return insert(account, rawPassword, false);
    }

    /**
     * Creates an account with a random password that its user must change at first sign-in.
     *
     * @param account fields of the new account
     * @return the password in clear, to be handed to the person once (it is stored only as a hash)
     * @throws org.springframework.dao.DuplicateKeyException if the username is taken
     */
    @Transactional
    public String createWithGeneratedPassword(NewAccount account) {
        String password = randomPassword();
        insert(account, password, true);
        return password;
    }

    private long insert(NewAccount account, String rawPassword, boolean mustChange) {
        long id = jdbc.sql("""
                insert into app_user (county_code, username, password_hash, display_name, role, department_id, phone,
                                      password_must_change, created_at)
                values (:county, :username, :hash, :display, :role, :dept, :phone, :mustChange, :now) returning id""")
                .param("now", OffsetDateTime.now(clock)).param("county", account.countyCode())
                .param("username", account.username())
                .param("hash", encoder.encode(rawPassword)).param("display", account.displayName())
                .param("role", account.role().name()).param("dept", account.departmentId())
                .param("phone", account.phone()).param("mustChange", mustChange)
                .query(Long.class).single();
        NewAccount audited = account.withoutPhone();
        audit.record(account.countyCode(), "ACCOUNT_CREATED", "app_user", String.valueOf(id),
                "新建账号 " + account.username() + "（" + account.role().label() + "）", null,
                new CreatedAccount(audited.countyCode(), audited.username(), audited.displayName(), audited.role(),
                        audited.departmentId(), audited.phone(), mustChange));
        return id;
    }

    /** An account creation as recorded in the audit trail (no phone number, no password). */
    private record CreatedAccount(String countyCode, String username, String displayName, Role role,
                                  Long departmentId, String phone, boolean passwordMustChange) {
    }

    /**
     * Lists a county's accounts for administrators.
     *
     * @param countyCode 6-digit county code
     * @return accounts ordered by role and username (without password hashes)
     */
    @Transactional(readOnly = true)
    public List<AccountSummary> list(String countyCode) {
        return jdbc.sql("""
                select u.id, u.username, u.display_name, u.role, u.department_id, d.name as department_name,
                       u.phone, u.enabled, u.password_must_change, u.created_at
                from app_user u left join department d on d.id = u.department_id
                where u.county_code = :county order by u.role, u.username""")
                .param("county", countyCode).query(AccountSummary.class).list();
    }

    /**
     * @param id account id
     * @return the account, or empty
     */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = :id").param("id", id)
                .query(CurrentUser.class).optional();
    }

    /**
     * Enables or disables an account; a disabled account cannot sign in.
     *
     * @param countyCode county of the administrator; accounts of other counties are not found
     * @param id         account id
     * @param enabled    new state
     * @throws org.ronghe.problem.NotFoundException if there is no such account in the county
     * @throws org.ronghe.problem.InvalidInputException if this would disable the last enabled administrator
     */
    @Transactional
    public void setEnabled(String countyCode, long id, boolean enabled) {
        CurrentUser user = inCounty(countyCode, id);
        if (!enabled && user.role() == Role.ADMIN && lockEnabledAdministrators(user.countyCode()) <= 1) {
            throw new org.ronghe.problem.InvalidInputException("enabled", "不能停用最后一个可用的系统管理员账号");
        }
        if (user.enabled() == enabled) {
            return;
        }
        jdbc.sql("update app_user set enabled = :e, security_stamp = security_stamp + 1 where id = :id")
                .param("e", enabled).param("id", id).update();
        if (enabled) {
            throttle.clear(user.username());
        }
        audit.record(user.countyCode(), enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "app_user",
                String.valueOf(id), (enabled ? "启用账号 " : "停用账号 ") + user.username(),
                Map.of("enabled", user.enabled()), Map.of("enabled", enabled));
    }

    /**
     * Gives an account a new random password (for a user who forgot theirs), which the user must change at their
     * next sign-in.
     *
     * @param countyCode county of the administrator; accounts of other counties are not found
     * @param id         account id
     * @return the new password in clear, to be handed to the user once
     * @throws org.ronghe.problem.NotFoundException if there is no such account in the county
     */
    @Transactional
    public String resetPassword(String countyCode, long id) {
        CurrentUser user = inCounty(countyCode, id);
        String password = randomPassword();
        storePassword(user, password, true, "PASSWORD_RESET", "重置密码 ");
        throttle.clear(user.username());
        return password;
    }

    /**
     * Re-enables an account as administrator with a new random password, to be changed at first sign-in: the
     * way back in when every administrator of the county was disabled.
     *
     * @param username the account to restore
     * @return the new password in clear
     */
    @Transactional
    public String restoreAdministrator(String username) {
        CurrentUser user = find(username).orElseThrow();
        String password = randomPassword();
        jdbc.sql("""
                update app_user set role = 'ADMIN', department_id = null, enabled = true, password_hash = :h,
                       password_must_change = true, security_stamp = security_stamp + 1
                where id = :id""").param("h", encoder.encode(password)).param("id", user.id()).update();
        audit.record(user.countyCode(), "ADMINISTRATOR_RESTORED", "app_user", String.valueOf(user.id()),
                "无可用系统管理员，启动时恢复账号 " + username,
                Map.of("role", user.role().name(), "enabled", user.enabled(),
                        "passwordMustChange", user.passwordMustChange()),
                Map.of("role", "ADMIN", "enabled", true, "passwordMustChange", true));
        throttle.clear(username);
        return password;
    }

    private CurrentUser inCounty(String countyCode, long id) {
        return findById(id).filter(u -> u.countyCode().equals(countyCode))
                .orElseThrow(() -> new org.ronghe.problem.NotFoundException("账号", id));
    }

    /**
     * Changes the signed-in user's own password. This also ends the obligation to change a generated password.
     *
     * @param username        the user
     * @param currentPassword the password in use now
     * @param newPassword     the new password (see {@link PasswordRule})
     * @throws org.ronghe.problem.InvalidInputException naming {@code currentPassword} or {@code newPassword}; wrong
     *         current passwords count towards the {@link LoginThrottle} lock like failed logins
     */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        CurrentUser user = find(username).orElseThrow(() -> new org.ronghe.problem.NotFoundException("账号", username));
        boolean right;
        try {
            right = throttle.verify(username,
                    () -> currentPassword != null && encoder.matches(currentPassword, user.passwordHash()));
        } catch (org.springframework.security.authentication.LockedException e) {
            throw new org.ronghe.problem.InvalidInputException("currentPassword",
                    "密码错误次数过多，已临时锁定" + LoginThrottle.LOCK_TIME.toMinutes() + "分钟");
        }
        if (!right) {
            throw new org.ronghe.problem.InvalidInputException("currentPassword", "当前密码不正确");
        }
        String problem = PasswordRule.check(newPassword);
        if (problem != null) {
            throw new org.ronghe.problem.InvalidInputException("newPassword", problem);
        }
        if (encoder.matches(newPassword, user.passwordHash())) {
            throw new org.ronghe.problem.InvalidInputException("newPassword", user.passwordMustChange()
                    ? "新密码不能与系统生成的密码相同" : "新密码不能与当前密码相同");
        }
        storePassword(user, newPassword, false, "PASSWORD_CHANGED", "修改密码 ");
    }

    /**
     * Stores a new password hash and whether the user must change it, ends the account's other sessions (new
     * security stamp) and records both changes; the audit row names the obligation before and after, never a
     * password.
     */
    private void storePassword(CurrentUser user, String password, boolean mustChange, String action,
                               String summary) {
        jdbc.sql("""
                update app_user set password_hash = :h, password_must_change = :m, security_stamp = security_stamp + 1
                where id = :id""")
                .param("h", encoder.encode(password)).param("m", mustChange).param("id", user.id()).update();
        audit.record(user.countyCode(), action, "app_user", String.valueOf(user.id()),
                summary + user.username() + (mustChange ? "（须在下次登录时修改）" : ""),
                Map.of("passwordMustChange", user.passwordMustChange()), Map.of("passwordMustChange", mustChange));
    }

    /**
     * Locks the county's enabled administrator rows until the transaction ends and counts them: two
     * administrators disabling each other at the same moment are serialised, and the second sees the first's
     * change, so the county always keeps one.
     */
    private long lockEnabledAdministrators(String countyCode) {
        return jdbc.sql("select id from app_user where county_code = :c and role = 'ADMIN' and enabled for update")
                .param("c", countyCode).query(Long.class).list().size();
    }

    /** @return a random password of 16 characters from an unambiguous alphabet (about 93 bits) */
    public String randomPassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)]);
        }
        return sb.toString();
    }

    /**
     * Fields of a new account.
     *
     * @param countyCode   6-digit county code
     * @param username     login name
     * @param displayName  name shown in the UI
     * @param role         role
     * @param departmentId unit (required for {@link Role#UNIT_STAFF}), or {@code null}
     * @param phone        contact phone, or {@code null}
     */
    public record NewAccount(String countyCode, String username, String displayName, Role role, Long departmentId,
                             String phone) {

        /** @return the account as recorded in the audit trail: personal phone numbers are left out */
        NewAccount withoutPhone() {
            return new NewAccount(countyCode, username, displayName, role, departmentId, null);
        }
    }

    /**
     * An account as listed to administrators.
     *
     * @param id             account id
     * @param username       login name
     * @param displayName    name
     * @param role           role
     * @param departmentId   unit, or {@code null}
     * @param departmentName name of the unit, or {@code null}
     * @param phone          contact phone, or {@code null}
     * @param enabled        whether the account may sign in
     * @param passwordMustChange whether the account still has a generated password its user has not changed
     * @param createdAt      when it was created
     */
    public record AccountSummary(long id, String username, String displayName, Role role, Long departmentId,
                                 String departmentName, String phone, boolean enabled, boolean passwordMustChange,
                                 java.time.OffsetDateTime createdAt) {
    }

    /**
     * A unit member as listed to colleagues.
     *
     * @param username    login name
     * @param displayName name
     * @param role        role
     * @param phone       contact phone (mask it for readers outside the unit)
     * @param enabled     whether the account is active
     */
    public record Member(String username, String displayName, Role role, String phone, boolean enabled) {
    }
}
