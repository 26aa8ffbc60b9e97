package org.ronghe.account;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Makes the signed-in user ({@code currentUser}, or {@code null}) available to every page template. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    CurrentUser currentUser(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
