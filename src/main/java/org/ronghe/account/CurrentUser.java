package org.ronghe.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user, as held in the session.
 *
 * @param id           account id
 * @param username     login name
 * @param passwordHash bcrypt hash (only used during authentication)
 * @param displayName  name shown in the UI
 * @param role         the account's role
 * @param departmentId unit the account belongs to, or {@code null}
 * @param countyCode   6-digit code of the county the account works in
 * @param enabled      whether the account may sign in
 * @param securityStamp changes whenever the account is disabled, enabled or gets a new password; a session whose
 *                      stamp differs from the stored one is ended
 */
public record CurrentUser(long id, String username, String passwordHash, String displayName, Role role,
                          Long departmentId, String countyCode, boolean enabled, int securityStamp)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
