package org.ronghe.proposal;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.account.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 办理统计 as JSON, with the same access rule as the statistics page. */
@RestController
@Tag(name = "统计 Statistics", description = "按届次、按承办单位的办理统计")
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'LEADER')")
class StatisticsApiController {

    private final ProposalStatistics statistics;

    StatisticsApiController(ProposalStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping(value = "/api/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "办理统计", description = "bySession 按届次；byUnit 按承办单位（session 为届次 ID，留空为全部）；"
            + "satisfactionRate 为（满意+基本满意）÷ 反馈数，单位 %")
    Map<String, Object> api(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String session) {
        Long s = StatisticsController.sessionId(session);
        return Map.of("bySession", statistics.bySession(user.countyCode(), ProposalService.today()),
                "byUnit", statistics.byUnit(user.countyCode(), s, ProposalService.today()));
    }

}
