package org.ronghe.land;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.account.CurrentUser;
import org.ronghe.problem.DateInput;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.JsonFields;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of a transfer's lifecycle: recording it from a match, deposit release (L10), onward dealings (L12), early
 * end or withdrawal (L13), renewal (L16), disputes (L17).
 */
@RestController
@Tag(name = "土地流转 Land", description = "确权数据登记簿：发包方、承包方与承包合同、地块")
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
class TransferLifecycleApiController {

    private final TransferLifecycle lifecycle;
    private final Disputes disputes;
    private final LandAccess access;
    private final MatchedTransfers matched;

    TransferLifecycleApiController(TransferLifecycle lifecycle, Disputes disputes, LandAccess access, MatchedTransfers matched) {
        this.matched = matched;
        this.lifecycle = lifecycle;
        this.disputes = disputes;
        this.access = access;
    }

    @GetMapping("/api/land/transfers/{id}/lifecycle")
    @Operation(summary = "流转的后续情况", description = "解除（L13）、再流转和融资担保（L12）、续约意见（L16）、纠纷及其法定期限（L17）、登记提示（L15）")
    Map<String, Object> lifecycle(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(lifecycle.of(user.countyCode(), id));
        out.put("disputes", disputes.of(user.countyCode(), id));
        return out;
    }

    @PostMapping("/api/land/transfers/{id}/deposit/release")
    @Operation(summary = "退还或支付风险保障金（L10）", description = "{to: TRANSFEREE（退还受让方）| TRANSFEROR（补偿承包方，须写 note）, "
            + "on: yyyy-MM-dd（期满或解除之后）, note}；只办一次")
    Map<String, Object> releaseDeposit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                       @RequestBody Map<String, Object> body) {
        access.requireEdit(user);
        lifecycle.releaseDeposit(user.countyCode(), id, text(body, "to"), DateInput.day(body, "on"), text(body, "note"), user.username());
        return lifecycle.of(user.countyCode(), id);
    }

    @PostMapping("/api/land/transfers/{id}/onward")
    @Operation(summary = "登记再流转或融资担保（L12）", description = "{kind: RE_TRANSFER | MORTGAGE, counterparty, start, end, "
            + "amount（融资担保金额，元）, consentSignedOn: 承包方书面同意日期, filedOn: 向发包方备案日期}；期限不得超出原流转")
    Map<String, Object> onward(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Map<String, Object> body) {
        access.requireEdit(user);
        BigDecimal amount = JsonFields.decimal(body.get("amount"), "amount", "担保金额应为数字");
        lifecycle.recordOnward(user.countyCode(), id, new TransferLifecycle.Onward(text(body, "kind"), text(body, "counterparty"),
                DateInput.day(body, "start"), DateInput.day(body, "end"), amount, DateInput.day(body, "consentSignedOn"), DateInput.day(body, "filedOn")), user.username());
        return lifecycle.of(user.countyCode(), id);
    }

    @PostMapping("/api/land/transfers/{id}/termination")
    @Operation(summary = "解除流转（L13）", description = "{basis: AGREEMENT（协商一致）| CHANGED_USE | ABANDONED | SERIOUS_DAMAGE | "
            + "SERIOUS_BREACH（承包方单方解除的法定情形）, facts: 事实和依据, on: 最后一日}；地块自次日起可再流转，其后未付的租金期次取消")
    Map<String, Object> terminate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                  @RequestBody Map<String, Object> body) {
        access.requireEdit(user);
        lifecycle.terminate(user.countyCode(), id, text(body, "basis"), text(body, "facts"), DateInput.day(body, "on"), user.username());
        return lifecycle.of(user.countyCode(), id);
    }

    @PostMapping("/api/land/transfers/{id}/renewal")
    @Operation(summary = "登记原受让方的续约意见（L16）", description = "{renew: true, end: 新的终止日期, rent: 元/亩/年} 续约，自原期满次日起"
            + "新记一宗流转（全部规则检查）；{renew: false} 放弃优先权，此后地块可流转给他人")
    Map<String, Object> renewal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                @RequestBody Map<String, Object> body) {
        access.requireEdit(user);
        if (!(body.get("renew") instanceof Boolean renew)) {
            throw new InvalidInputException("renew", "renew 应为 true（续约）或 false（放弃）");
        }
        Long renewal = lifecycle.renewal(user.countyCode(), id, renew, renew ? DateInput.day(body, "end") : null,
                renew ? JsonFields.decimal(body.get("rent"), "rent", "租金应为数字") : null, user.username());
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("renewal", renewal);
        return out;
    }

    @PostMapping("/api/land/transfers/{id}/disputes")
    @Operation(summary = "登记流转纠纷（L17）", description = "{raisedBy: TRANSFEROR | TRANSFEREE, summary, knownOn: 知道权利受侵害之日}；"
            + "申请仲裁时效两年")
    List<Map<String, Object>> openDispute(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                          @RequestBody Map<String, Object> body) {
        access.requireEdit(user);
        disputes.open(user.countyCode(), id, text(body, "raisedBy"), text(body, "summary"), DateInput.day(body, "knownOn"), user.username());
        return disputes.of(user.countyCode(), id);
    }

    @PostMapping("/api/land/disputes/{id}/steps")
    @Operation(summary = "纠纷进展（L17）", description = "{step: ARBITRATION_ACCEPTED | AWARD_EXTENDED | AWARDED | SETTLED | SUED | "
            + "FINAL, on}；超过法定期限（申请仲裁两年、裁决 60 日可延长 30 日、收到裁决 30 日内起诉）的拒绝")
    Map<String, Object> step(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Map<String, Object> body) {
        access.requireEdit(user);
        disputes.step(user.countyCode(), id, text(body, "step"), DateInput.day(body, "on"), user.username());
        return Map.of("id", id, "step", body.get("step"));
    }

    @PostMapping("/api/land/demand/{demandId}/matches/{supplyId}/transfer")
    @Operation(summary = "按匹配记录流转", description = "{start: 起始日期, rent: 元/亩/年（不低于供给的最低租金）, memberCode: 本集体成员受让时的承包方编码}；"
            + "地块取供给的全部地块，期限取双方年限的较短者，受让方和用途取自需求；再经全部流转规则检查")
    TransferService.Outcome recordApi(@AuthenticationPrincipal CurrentUser user, @PathVariable long demandId,
                                      @PathVariable long supplyId, @RequestBody Map<String, Object> body) {
        access.requireEdit(user);
        return matched.record(user.countyCode(), demandId, supplyId, org.ronghe.problem.DateInput.day(body, "start"),
                JsonFields.decimal(body.get("rent"), "rent", "租金应为数字"), JsonFields.text(body, "memberCode", "承包方编码"),
                user.username());
    }

    private static String text(Map<String, Object> body, String field) {
        return JsonFields.text(body, field, field + " ");
    }
}
