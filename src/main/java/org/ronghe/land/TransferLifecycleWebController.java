package org.ronghe.land;

import java.math.BigDecimal;

import org.ronghe.account.CurrentUser;
import org.ronghe.problem.DateInput;
import org.ronghe.problem.FormOutcome;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The forms on a transfer's page after signing: rent payments (L14), deposit (L10), L12, L13, L16 and disputes (L17). */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
class TransferLifecycleWebController {

    private final TransferLifecycle lifecycle;
    private final Disputes disputes;
    private final Rents rents;
    private final LandAccess access;
    private final TransferReviews reviews;

    TransferLifecycleWebController(TransferLifecycle lifecycle, Disputes disputes, Rents rents, LandAccess access,
                                   TransferReviews reviews) {
        this.reviews = reviews;
        this.lifecycle = lifecycle;
        this.disputes = disputes;
        this.rents = rents;
        this.access = access;
    }

    @PostMapping("/land/transfers/{id}/rents/{dueId}/payments")
    String pay(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long dueId,
               @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String paidOn,
               @RequestParam(defaultValue = "") String payee, RedirectAttributes redirect) {
        access.requireEdit(user);
        FormOutcome.attempt(redirect, "已记录租金收付", "未记录", () -> rents.pay(user.countyCode(), id, dueId,
                money(amount, "amount", "付款金额"), DateInput.day(paidOn, "paidOn"), payee, user.username()));
        return back(id);
    }

    @PostMapping("/land/transfers/{id}/review")
    String applyReview(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                       @RequestParam(defaultValue = "") String documents, RedirectAttributes redirect) {
        access.requireEdit(user);
        FormOutcome.attempt(redirect, "已提出审查申请（L09），应在 20 个工作日内作出决定", "未申请",
                () -> reviews.apply(user.countyCode(), id, documents, user.username()));
        return back(id);
    }

    @PostMapping("/land/transfers/{id}/review/decision")
    String decideReview(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                        @RequestParam(defaultValue = "") String approve, @RequestParam(defaultValue = "") String reasons,
                        RedirectAttributes redirect) {
        access.requireEdit(user);
        FormOutcome.attempt(redirect, "true".equals(approve) ? "审查同意，双方可以确认合同" : "审查不同意，已记录理由", "未决定",
                () -> reviews.decide(user.countyCode(), id, yesOrNo(approve, "approve", "审查决定应为 同意 或 不同意"), reasons,
                        user.username()));
        return back(id);
    }

    @PostMapping("/land/transfers/{id}/deposit/release")
    String releaseDeposit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                          @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String on,
                          @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        access.requireEdit(user);
        FormOutcome.attempt(redirect, "已登记风险保障金的退还或支付", "未登记",
                () -> lifecycle.releaseDeposit(user.countyCode(), id, to, DateInput.day(on, "on"), note, user.username()));
        return back(id);
    }

    @PostMapping("/land/transfers/{id}/onward")
    String onward(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "") String counterparty, @RequestParam(defaultValue = "") String start,
                  @RequestParam(defaultValue = "") String end, @RequestParam(defaultValue = "") String amount,
                  @RequestParam(defaultValue = "") String consentSignedOn, @RequestParam(defaultValue = "") String filedOn,
                  RedirectAttributes redirect) {
        access.requireEdit(user);
        FormOutcome.attempt(redirect, "已登记", "未登记", () -> lifecycle.recordOnward(user.countyCode(), id,
                new TransferLifecycle.Onward(kind, counterparty, DateInput.day(start, "start"), DateInput.day(end, "end"),
                        amount.isBlank() ? null : money(amount, "amount", "担保金额"), DateInput.day(consentSignedOn, "consentSignedOn"),
                        DateInput.day(filedOn, "filedOn")), user.username()));
        return back(id);
    }

    @PostMapping("/land/transfers/{id}/termination")
    String terminate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String basis,
                     @RequestParam(defaultValue = "") String facts, @RequestParam(defaultValue = "") String on,
                     RedirectAttributes redirect) {
        access.requireEdit(user);
        boolean withdraw = "WITHDRAWN".equals(basis);
        FormOutcome.attempt(redirect, withdraw ? "已撤销流转记录（从未生效）" : "已解除流转，地块自次日起可再流转",
                withdraw ? "未撤销" : "未解除",
                () -> lifecycle.terminate(user.countyCode(), id, basis, facts, DateInput.day(on, "on"), user.username()));
        return back(id);
    }

    @PostMapping("/land/transfers/{id}/renewal")
    String renewal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String renew,
                   @RequestParam(defaultValue = "") String end, @RequestParam(defaultValue = "") String rent,
                   RedirectAttributes redirect) {
        access.requireEdit(user);
        Long[] renewed = new Long[1];
        boolean ok = FormOutcome.attempt(redirect, "未登记", () -> {
            boolean yes = yesOrNo(renew, "renew", "续约意见应为 续约 或 放弃优先权");
            renewed[0] = lifecycle.renewal(user.countyCode(), id, yes,
                    yes ? DateInput.day(end, "end") : null, yes ? money(rent, "rent", "租金") : null,
                    user.username());
            return renewed[0] == null ? "已登记原受让方放弃优先续约" : "已续约，新流转已记录";
        });
        return ok && renewed[0] != null ? back(renewed[0]) : back(id);
    }

    @PostMapping("/land/transfers/{id}/disputes")
    String openDispute(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                       @RequestParam(defaultValue = "") String raisedBy, @RequestParam(defaultValue = "") String summary,
                       @RequestParam(defaultValue = "") String knownOn, RedirectAttributes redirect) {
        access.requireEdit(user);
        FormOutcome.attempt(redirect, "已登记纠纷", "未登记",
                () -> disputes.open(user.countyCode(), id, raisedBy, summary, DateInput.day(knownOn, "knownOn"), user.username()));
        return back(id);
    }

    @PostMapping("/land/transfers/{id}/disputes/{disputeId}/steps")
    String step(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long disputeId,
                @RequestParam(defaultValue = "") String step, @RequestParam(defaultValue = "") String on,
                RedirectAttributes redirect) {
        access.requireEdit(user);
        FormOutcome.attempt(redirect, "已登记纠纷进展", "未登记",
                () -> disputes.step(user.countyCode(), (Long) id, disputeId, step, DateInput.day(on, "on"), user.username()));
        return back(id);
    }

    /** @return the choice of a yes/no select ({@code true}/{@code false}); anything else is refused naming the field */
    private static boolean yesOrNo(String value, String field, String message) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new org.ronghe.problem.InvalidInputException(field, message);
        };
    }

    private static String back(long id) {
        return "redirect:/land/transfers/" + id;
    }

    private static BigDecimal money(String text, String field, String label) {
        return org.ronghe.problem.NumberInput.amount(text, field, label);
    }
}
