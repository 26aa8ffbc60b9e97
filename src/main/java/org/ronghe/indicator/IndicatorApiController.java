package org.ronghe.indicator;

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

/** JSON API of indicators, their values and targets, with the same access rules as the pages. */
@RestController
@Tag(name = "指标 Indicators", description = "指标、各期数值（含同比、百分点变化与目标完成度）、目标")
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
class IndicatorApiController {

    private final IndicatorService indicators;
    private final ReportedFigures figures;

    IndicatorApiController(IndicatorService indicators, ReportedFigures figures) {
        this.indicators = indicators;
        this.figures = figures;
    }

    @GetMapping("/api/indicators/figures")
    @Operation(summary = "答复函中待确认的数据", description = "导入答复函时提取的数据，附建议的指标和期别；onFile 表示该指标该期已有相同数值")
    List<ReportedFigures.Proposal> pendingFigures(@AuthenticationPrincipal CurrentUser user) {
        return figures.pending(user.countyCode());
    }

    @PostMapping("/api/indicators/figures/{id}/confirm")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
    @Operation(summary = "确认为指标值", description = "{indicator: 指标 ID, period: \"2024\", value: \"57.90\"}；数据来源记为该答复函")
    Map<String, Object> confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                @RequestBody Map<String, Object> body) {
        Object indicator = body.get("indicator");
        if (!(indicator instanceof Number n)) {
            throw new InvalidInputException("indicator", "indicator 应为指标 ID（数字）");
        }
        figures.confirm(user.countyCode(), id, n.longValue(), text(body, "period"), text(body, "value"),
                user.departmentId(), IndicatorWebController.overseer(user), user.username());
        return Map.of("indicator", indicators.one(user.countyCode(), n.longValue()));
    }

    @PostMapping("/api/indicators/figures/{id}/dismiss")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION')")
    @Operation(summary = "不采用")
    Map<String, Object> dismiss(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        figures.dismiss(user.countyCode(), id, user.username());
        return Map.of("dismissed", id);
    }

    @GetMapping("/api/indicators")
    @Operation(summary = "全部指标及各期数值", description = "change 为同比变化：比率类（%）为个百分点，总量类为 %；"
            + "changeReported 为 true 时是来源文件报告的增速（无上年同期数时）；targetShare 为目标完成度（%）")
    List<IndicatorService.Overview> list(@AuthenticationPrincipal CurrentUser user) {
        return indicators.overview(user.countyCode(), false);
    }

    @GetMapping("/api/indicators/{id}")
    @Operation(summary = "一个指标")
    Map<String, Object> one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Map.of("indicator", indicators.one(user.countyCode(), id), "targets", indicators.targets(id));
    }

    @PostMapping("/api/indicators/{id}/values")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
    @Operation(summary = "填报（或更正）一期数值", description = "{period: \"2025H1\", value: \"199.3\", unit: \"亿元\", "
            + "source: \"…\", atLeast: false}；期别须与指标的统计频度一致，单位须为指标的单位；责任单位或督查室填报")
    Map<String, Object> record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @RequestBody Map<String, Object> body) {
        indicators.record(user.countyCode(), id, new IndicatorService.ValueInput(text(body, "period"), text(body, "value"),
                text(body, "unit"), text(body, "source"), Boolean.TRUE.equals(body.get("atLeast"))),
                user.departmentId(), IndicatorWebController.overseer(user), user.username());
        return Map.of("indicator", indicators.one(user.countyCode(), id));
    }

    @PostMapping("/api/indicators/{id}/targets")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
    @Operation(summary = "设置一期目标", description = "{period: \"2025\", value: \"60\"}")
    Map<String, Object> target(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @RequestBody Map<String, Object> body) {
        indicators.target(user.countyCode(), id, text(body, "period"), text(body, "value"), user.departmentId(),
                IndicatorWebController.overseer(user), user.username());
        return Map.of("indicator", indicators.one(user.countyCode(), id), "targets", indicators.targets(id));
    }

    /** @return a JSON field as text; numbers are accepted as their decimal text */
    private static String text(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof Number) {
            return org.ronghe.problem.JsonFields.decimal(v, field, field + " 应为数字").toPlainString();
        }
        throw new InvalidInputException(field, field + " 应为文字或数字");
    }
}
