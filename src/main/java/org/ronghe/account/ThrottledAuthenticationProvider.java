package org.ronghe.account;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Runs every password check of form login and HTTP Basic through {@link LoginThrottle}: locked usernames are
 * refused with {@link org.springframework.security.authentication.LockedException} before their password is
 * checked, and wrong passwords count towards the lock.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        AtomicReference<Authentication> result = new AtomicReference<>();
        AtomicReference<AuthenticationException> refusal = new AtomicReference<>();
        throttle.verify(authentication.getName(), () -> {
            try {
                result.set(delegate.authenticate(authentication));
                return true;
            } catch (BadCredentialsException e) {
                refusal.set(e);
                return false;
            } catch (AuthenticationException e) {
                // disabled or similar: not a password guess, not counted
                refusal.set(e);
                return true;
            }
        });
        if (refusal.get() != null) {
            throw refusal.get();
        }
        return result.get();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
