package org.ronghe.account;

import org.ronghe.tenancy.CountySettings;
import org.ronghe.tenancy.CurrentCounty;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** {@link CurrentCounty} from the signed-in account; the default county for visitors and background work. */
@Component
class SignedInCounty implements CurrentCounty {

    private final CountySettings settings;

    SignedInCounty(CountySettings settings) {
        this.settings = settings;
    }

    @Override
    public String code() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? user.countyCode() : settings.code();
    }
}
