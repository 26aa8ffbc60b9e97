package org.ronghe.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.account.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 办理统计 as JSON, with the same access rule as the statistics page. */
@RestController
@Tag(name = "统计 Statistics", description = "按届次、按承办单位的办理统计")
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'LEADER')")
class StatisticsApiController {

    private final ProposalStatistics statistics;
    private final Clock clock;
    private final UnitScoring scoring;

    StatisticsApiController(ProposalStatistics statistics, UnitScoring scoring, Clock clock) {
        this.clock = clock;
        this.statistics = statistics;
        this.scoring = scoring;
    }

    @GetMapping(value = "/api/statistics/scoring", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "年终承办单位考核评分", description = "year 为年度（按交办日期计，默认今年）；rates 为各比率项（%），"
            + "null 为不涉及；formula 为当前评分公式，weights 为各项权重")
    Map<String, Object> scoring(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String year) {
        int y = ScoringController.year(year, LocalDate.now(clock));
        Map<UnitScoring.Metric, java.math.BigDecimal> weights = scoring.weights(user.countyCode());
        return Map.of("year", y, "asOf", ScoringController.asOf(y, LocalDate.now(clock)).toString(), "weights", weights,
                "formula", UnitScoring.formula(weights), "units", scoring.table(user.countyCode(), y, ScoringController.asOf(y, LocalDate.now(clock))));
    }

    @PutMapping(value = "/api/statistics/scoring/weights", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE')")
    @Operation(summary = "设置考核评分公式的权重", description = "须给出全部考核项：BASE 基础分，ON_TIME_REPLY_RATE 按期答复率，"
            + "SATISFACTION_RATE 满意率，SIGNED_ON_TIME_RATE 按时签收率，CO_OPINION_ON_TIME_RATE 会办意见按时率，"
            + "SOLVED_RATE A类占比（比率项权重 0–100，为该项 100% 时的得分），OVERDUE 每件超期、DISSATISFIED 每件不满意的分值"
            + "（通常为负数，-100–100）")
    Map<String, Object> setWeights(@AuthenticationPrincipal CurrentUser user, @RequestBody Map<String, Object> body) {
        Map<UnitScoring.Metric, java.math.BigDecimal> weights = scoring.setWeights(user.countyCode(), body, user.username());
        return Map.of("weights", weights, "formula", UnitScoring.formula(weights));
    }

    @GetMapping(value = "/api/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "办理统计", description = "bySession 按届次；byUnit 按承办单位（session 为届次 ID，留空为全部）；"
            + "satisfactionRate 为（满意+基本满意）÷ 反馈数，单位 %")
    Map<String, Object> api(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String session) {
        Long s = StatisticsController.sessionId(session);
        return Map.of("bySession", statistics.bySession(user.countyCode(), LocalDate.now(clock)),
                "byUnit", statistics.byUnit(user.countyCode(), s, LocalDate.now(clock)));
    }

}
