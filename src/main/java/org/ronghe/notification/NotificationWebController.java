package org.ronghe.notification;

import org.ronghe.account.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** 通知: the signed-in user's notifications and their unread count in the top bar. */
@Controller
@ControllerAdvice(annotations = Controller.class)
class NotificationWebController {

    private final Notifications notifications;

    NotificationWebController(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Long unread(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                ? notifications.unread(user.departmentId(), user.username()) : null;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("items", notifications.of(user.departmentId(), user.username()));
        return "notification/notifications";
    }

    @PostMapping("/notifications/read")
    String readAll(@AuthenticationPrincipal CurrentUser user) {
        notifications.markAllRead(user.departmentId(), user.username());
        return "redirect:/notifications";
    }
}
