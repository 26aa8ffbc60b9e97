package org.ronghe.land;

import java.math.BigDecimal;

import org.ronghe.account.CurrentUser;
import org.ronghe.problem.FormOutcome;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Records a transfer from a matched demand and supply on the matches page (the API is in {@link TransferLifecycleApiController}). */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
class MatchedTransferController {

    private final MatchedTransfers matched;
    private final LandAccess access;

    MatchedTransferController(MatchedTransfers matched, LandAccess access) {
        this.matched = matched;
        this.access = access;
    }

    @PostMapping("/land/demand/{demandId}/matches/{supplyId}/transfer")
    String record(@AuthenticationPrincipal CurrentUser user, @PathVariable long demandId, @PathVariable long supplyId,
                  @RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String rent,
                  @RequestParam(defaultValue = "") String memberCode, RedirectAttributes redirect) {
        access.requireEdit(user);
        long[] id = new long[1];
        boolean ok = FormOutcome.attempt(redirect, "未记录", () -> {
            TransferService.Outcome o = matched.record(user.countyCode(), demandId, supplyId,
                    org.ronghe.problem.DateInput.day(start, "start"), rent(rent), memberCode, user.username());
            id[0] = o.id();
            return "已按匹配记录流转，请起草合同" + (o.warnings().isEmpty() ? "" : "。提示：" + String.join("；", o.warnings()));
        });
        if (!ok) { // the row's form comes back as it was sent
            redirect.addFlashAttribute("matchForm", java.util.Map.of("supplyId", supplyId, "start", start, "rent", rent,
                    "memberCode", memberCode));
        }
        return ok ? "redirect:/land/transfers/" + id[0] : "redirect:/land/demand/" + demandId;
    }

    private static BigDecimal rent(String text) {
        return org.ronghe.problem.NumberInput.amount(text, "rent", "租金");
    }
}
