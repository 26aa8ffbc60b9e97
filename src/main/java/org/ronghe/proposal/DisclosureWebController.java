package org.ronghe.proposal;

import java.time.Clock;
import java.time.LocalDate;
import org.ronghe.account.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CPPCC office's disclosure desk ({@code /disclosures}): released replies awaiting the decision to publish or
 * withhold, each with the last day of the disclosure window, and the two decisions.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE')")
class DisclosureWebController {

    private final Disclosure disclosure;
    private final Clock clock;

    DisclosureWebController(Disclosure disclosure, Clock clock) {
        this.clock = clock;
        this.disclosure = disclosure;
    }

    @GetMapping("/disclosures")
    String pending(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("items", disclosure.pending(user.countyCode(), LocalDate.now(clock)));
        return "proposal/disclosures";
    }

    @PostMapping("/disclosures/{id}/publish")
    String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return decide(redirect, "已公开，公众可在“答复公开”页面查看（已隐去个人联系方式）",
                () -> disclosure.publish(user.countyCode(), id, user.username()));
    }

    @PostMapping("/disclosures/{id}/withhold")
    String withhold(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                    @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return decide(redirect, "已记录不予公开及其理由",
                () -> disclosure.withhold(user.countyCode(), id, reason, user.username()));
    }

    private static String decide(RedirectAttributes redirect, String done, Runnable action) {
        org.ronghe.problem.FormOutcome.attempt(redirect, done, "未办理", action);
        return "redirect:/disclosures";
    }
}
