package org.ronghe.account;

import java.security.SecureRandom;
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
            "id, username, password_hash, display_name, role, department_id, county_code, enabled";
    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
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
     * Creates an account.
     *
     * @param account      fields of the new account
     * @param rawPassword  initial password in clear (hashed before storage)
     * @return the account id
     * @throws org.springframework.dao.DuplicateKeyException if the username is taken
     */
    @Transactional
    public long create(NewAccount account, String rawPassword) {
        long id = jdbc.sql("""
                insert into app_user (county_code, username, password_hash, display_name, role, department_id, phone)
                values (:county, :username, :hash, :display, :role, :dept, :phone) returning id""")
                .param("county", account.countyCode()).param("username", account.username())
                .param("hash", encoder.encode(rawPassword)).param("display", account.displayName())
                .param("role", account.role().name()).param("dept", account.departmentId())
                .param("phone", account.phone())
                .query(Long.class).single();
        audit.record(account.countyCode(), "ACCOUNT_CREATED", "app_user", String.valueOf(id),
                "新建账号 " + account.username() + "（" + account.role().label() + "）", null,
                Map.of("username", account.username(), "displayName", account.displayName(),
                        "role", account.role().name(),
                        "departmentId", account.departmentId() == null ? "" : account.departmentId()));
        return id;
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
