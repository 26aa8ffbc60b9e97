package org.ronghe.account;

import java.util.Arrays;
import java.util.Map;

import org.ronghe.department.DepartmentDirectory;
import org.springframework.dao.DataIntegrityViolationException;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.tenancy.CurrentCounty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account pages: administrators list, create, enable/disable accounts and reset passwords
 * ({@code /admin/users}); every signed-in user changes their own password ({@code /account/password}).
 */
@Controller
class AccountWebController {

    private final UserAccounts accounts;
    private final AccountAdministration administration;
    private final DepartmentDirectory departments;
    private final CurrentCounty county;
    private final SecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    AccountWebController(UserAccounts accounts, AccountAdministration administration, DepartmentDirectory departments,
                         CurrentCounty county) {
        this.accounts = accounts;
        this.administration = administration;
        this.departments = departments;
        this.county = county;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    String list(Model model) {
        model.addAttribute("accounts", accounts.list(county.code()));
        return "account/list";
    }

    @GetMapping("/admin/users/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newForm(Model model) {
        return form(model, AccountForm.blank(), Map.of());
    }

    @PostMapping("/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(required = false) String role, @RequestParam(required = false) String departmentId,
                  @RequestParam(defaultValue = "") String phone, Model model, RedirectAttributes redirect) {
        Role parsedRole = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
        Long unit = departmentId == null || !departmentId.matches("\\d{1,18}") ? null : Long.valueOf(departmentId);
        AccountForm form = new AccountForm(username, displayName, parsedRole, unit, phone);
        try {
            String password = administration.create(county.code(), form);
            redirect.addFlashAttribute("notice", "已创建账号 " + username.strip() + "，初始密码：" + password
                    + "（只显示这一次，请交给本人；首次登录时须修改）");
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            return form(model, form, e.byField());
        } catch (DataIntegrityViolationException e) {
            return form(model, form, Map.of("username", "用户名刚被其他操作占用（可能是重复提交），请检查账号列表"));
        }
    }

    @PostMapping("/admin/users/{id}/enabled")
    @PreAuthorize("hasRole('ADMIN')")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            accounts.setEnabled(county.code(), id, enabled);
            redirect.addFlashAttribute("notice", enabled ? "账号已启用" : "账号已停用");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", e.problems().get(0).message());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/password")
    @PreAuthorize("hasRole('ADMIN')")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        String password = accounts.resetPassword(county.code(), id);
        String username = accounts.findById(id).map(CurrentUser::username).orElse(String.valueOf(id));
        redirect.addFlashAttribute("notice", "已重置 " + username + " 的密码，新密码：" + password
                + "（只显示这一次；对方下次登录时须修改）");
        return "redirect:/admin/users";
    }

    @GetMapping("/account/password")
    String passwordForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("errors", Map.of());
        return passwordPage(user, model);
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
                          HttpServletResponse response,
                          @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          @RequestParam(defaultValue = "") String confirmPassword,
                          Model model, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "两次输入的新密码不一致");
            }
            accounts.changePassword(user.username(), currentPassword, newPassword);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            return passwordPage(user, model);
        }
        if (user.passwordMustChange()) {
            // the generated password was just replaced: stay signed in (with the account's new security stamp,
            // which ends any other session opened with the generated password) and start working
            CurrentUser changed = accounts.find(user.username()).orElseThrow();
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null,
                    changed.getAuthorities()));
            SecurityContextHolder.setContext(context);
            sessionContexts.saveContext(context, request, response);
            redirect.addFlashAttribute("notice", "密码已修改，请记住新密码。");
            return "redirect:/";
        }
        // the new password changed the account's security stamp: sign in again with it
        new SecurityContextLogoutHandler().logout(request, response,
                SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/login?changed";
    }

    private String passwordPage(CurrentUser user, Model model) {
        if (user != null && user.passwordMustChange()) {
            model.addAttribute("notice", PasswordChangeGate.NOTICE);
            model.addAttribute("noticeKind", "error");
            model.addAttribute("mustChange", true);
        }
        return "account/password";
    }

    private String form(Model model, AccountForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", departments.list(county.code()));
        model.addAttribute("errors", errors);
        return "account/form";
    }
}
