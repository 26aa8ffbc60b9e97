package org.ronghe.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.account.CurrentUser;
import org.ronghe.problem.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the disclosure decision (公开 / 不予公开) within the disclosure window. */
@RestController
@Tag(name = "答复公开 Disclosure", description = "待公开的答复（含公开期限）及公开或不予公开的决定")
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE')")
class DisclosureApiController {

    private final Disclosure disclosure;
    private final Clock clock;

    DisclosureApiController(Disclosure disclosure, Clock clock) {
        this.clock = clock;
        this.disclosure = disclosure;
    }

    @GetMapping("/api/disclosures/pending")
    @Operation(summary = "待公开的答复", description = "已签发、尚未决定公开与否的答复；due 为公开期限（答复日期后 20 个工作日，县设置），"
            + "bucket 为 待公开、即将到期 或 已超期")
    List<Disclosure.Pending> pending(@AuthenticationPrincipal CurrentUser user) {
        return disclosure.pending(user.countyCode(), LocalDate.now(clock));
    }

    @PostMapping("/api/replies/{id}/disclosure")
    @Operation(summary = "公开或不予公开一件答复", description = "{\"publish\": true} 公开（隐去个人联系方式）；"
            + "{\"publish\": false, \"reason\": \"…\"} 不予公开，reason 必填。已决定的再决定返回 409")
    Map<String, Object> decide(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @RequestBody Map<String, Object> body) {
        Object publish = body.get("publish");
        if (!(publish instanceof Boolean)) {
            throw new InvalidInputException("publish", "publish 应为 true（公开）或 false（不予公开）");
        }
        Object reason = body.get("reason");
        if (reason != null && !(reason instanceof String)) {
            throw new InvalidInputException("reason", "不予公开的理由应为文字");
        }
        if ((Boolean) publish) {
            disclosure.publish(user.countyCode(), id, user.username());
        } else {
            disclosure.withhold(user.countyCode(), id, (String) reason, user.username());
        }
        return Map.of("replyId", id, "published", publish);
    }
}
