package org.ronghe.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.Role;
import org.ronghe.problem.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of proposal submission and filing. */
@RestController
@Tag(name = "提案 Proposals", description = "届次、提交、相似提案、立案/不予立案/并案/重点提案")
class ProposalApiController {

    private final ProposalService service;
    private final ProposalCatalog catalog;
    private final SimilarProposals similar;
    private final AssignmentService assignments;
    private final ReplyDrafting drafting;
    private final FeedbackService feedback;
    private final CoHandlerOpinions coOpinions;
    private final Clock clock;
    private final FollowUps followUps;

    ProposalApiController(ProposalService service, ProposalCatalog catalog, SimilarProposals similar,
                          AssignmentService assignments, ReplyDrafting drafting, FeedbackService feedback,
                          CoHandlerOpinions coOpinions, FollowUps followUps, Clock clock) {
        this.clock = clock;
        this.followUps = followUps;
        this.feedback = feedback;
        this.coOpinions = coOpinions;
        this.service = service;
        this.catalog = catalog;
        this.similar = similar;
        this.assignments = assignments;
        this.drafting = drafting;
    }

    @GetMapping("/api/sessions")
    @Operation(summary = "受理中的届次")
    List<Map<String, Object>> sessions(@AuthenticationPrincipal CurrentUser user) {
        return service.openSessions(user.countyCode());
    }

    @PostMapping("/api/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE')")
    @Operation(summary = "开放届次受理提案", description = "kind = CPPCC 或 NPC；prefix 为编号前缀（如 TA），留空则编为 第N号")
    Map<String, Object> openSession(@AuthenticationPrincipal CurrentUser user, @RequestBody Map<String, String> body) {
        return Map.of("id", service.openSession(user.countyCode(), body.get("kind"), body.get("name"), body.get("prefix")));
    }

    @PostMapping("/api/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'PROPOSER')")
    @Operation(summary = "提交提案", description = "提案者提交本人提案时 proposer 取其账号姓名")
    Map<String, Object> submit(@AuthenticationPrincipal CurrentUser user, @RequestBody ProposalService.SubmitForm form) {
        ProposalService.SubmitForm f = user.role() == Role.PROPOSER
                ? new ProposalService.SubmitForm(form.sessionId(), form.title(), form.body(), form.subject(),
                user.displayName(), form.coSigners())
                : form;
        return Map.of("id", service.submit(user.countyCode(), f, user.username()));
    }

    @GetMapping("/api/proposals")
    @Operation(summary = "提案列表（提案者只见本人提出或联名的）")
    List<Map<String, Object>> list(@AuthenticationPrincipal CurrentUser user) {
        return ProposalWebController.visible(catalog, user);
    }

    @GetMapping("/api/proposals/{id}")
    @Operation(summary = "一件提案及其办理经过")
    Map<String, Object> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        Map<String, Object> p = ProposalWebController.readable(catalog, user, id);
        Map<String, Object> m = new java.util.LinkedHashMap<>(p);
        m.put("replies", catalog.replies(id));
        m.put("assignments", assignments.ofProposal(id));
        m.put("feedback", feedback.ofProposal(id));
        m.put("coOpinions", coOpinions.ofProposal(id));
        m.put("followUpReports", followUps.reports(id));
        m.put("timeline", catalog.timeline(user.countyCode(), id));
        return m;
    }

    @GetMapping("/api/proposals/similar")
    @Operation(summary = "相似提案（本届及往届）", description = "按中文分词比较标题，用于提交时查重")
    List<SimilarProposals.Hit> similar(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String text) {
        return ProposalWebController.visibleHits(user, similar.search(user.countyCode(), text, 5));
    }

    @PostMapping("/api/proposals/{id}/accept")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE')")
    @Operation(summary = "立案（编号按届次顺序分配）")
    Map<String, Object> accept(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Map.of("number", service.accept(user.countyCode(), id));
    }

    @PostMapping("/api/proposals/{id}/reject")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE')")
    @Operation(summary = "不予立案", description = "reason 必填；convertToOpinion 为 true 时转为意见建议")
    Map<String, Object> reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @RequestBody Map<String, Object> body) {
        String reason = text(body, "reason", "不予立案理由");
        service.reject(user.countyCode(), id, reason, flag(body, "convertToOpinion"));
        return Map.of("status", ProposalStatus.REJECTED.name());
    }

    @PostMapping("/api/proposals/{id}/merge")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE')")
    @Operation(summary = "并案", description = "intoId 为同一届次中已立案的提案")
    Map<String, Object> merge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                              @RequestBody Map<String, Object> body) {
        if (!(body.get("intoId") instanceof Number into) || into.doubleValue() != into.longValue()) {
            throw new InvalidInputException("intoId", "请指定并入的提案（整数编号）");
        }
        service.merge(user.countyCode(), id, into.longValue());
        return Map.of("status", ProposalStatus.MERGED.name());
    }

    @PostMapping("/api/proposals/{id}/key")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE')")
    @Operation(summary = "列为重点提案", description = "leaders 为督办领导")
    Map<String, Object> key(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                            @RequestBody Map<String, String> body) {
        service.markKey(user.countyCode(), id, body.get("leaders"));
        return Map.of("keyProposal", true);
    }

    @PostMapping("/api/proposals/{id}/assign")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE')")
    @Operation(summary = "交办", description = "mode = SEPARATE（分办）或 LEAD_AND_CO（主办+会办，units 第一个为主办）；"
            + "办理期限为交办日加县设定的月数（默认 3 个月），退回期限按工作日计")
    Map<String, Object> assign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @RequestBody Map<String, Object> body) {
        AssignmentService.Mode mode;
        try {
            mode = AssignmentService.Mode.valueOf(String.valueOf(body.get("mode")));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("mode", "交办方式应为 SEPARATE（分办）或 LEAD_AND_CO（主办+会办）");
        }
        List<Long> units = new java.util.ArrayList<>();
        if (body.get("units") instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Number n) || n.doubleValue() != n.longValue()) {
                    throw new InvalidInputException("units", "承办单位应为单位编号（整数）");
                }
                units.add(n.longValue());
            }
        }
        return Map.of("assignments", assignments.assign(user.countyCode(), id, mode, units, LocalDate.now(clock)));
    }

    @PostMapping("/api/assignments/{id}/sign")
    @PreAuthorize("hasRole('UNIT_STAFF')")
    @Operation(summary = "签收（承办单位）")
    Map<String, Object> sign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        assignments.sign(user.countyCode(), id, user.departmentId());
        return Map.of("state", "SIGNED");
    }

    @PostMapping("/api/assignments/{id}/opinion")
    @PreAuthorize("hasRole('UNIT_STAFF')")
    @Operation(summary = "提交或修改会办意见（已签收的会办单位，主办单位答复签发前）", description = "opinion 必填，至多 4000 字")
    Map<String, Object> opinion(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                @RequestBody Map<String, Object> body) {
        coOpinions.submit(user.countyCode(), id, user.departmentId(), text(body, "opinion", "会办意见"), user.username());
        return Map.of("assignmentId", id);
    }

    @PostMapping("/api/assignments/{id}/return")
    @PreAuthorize("hasRole('UNIT_STAFF')")
    @Operation(summary = "退回（承办单位，须在退回期限内，理由必填）")
    Map<String, Object> giveBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                 @RequestBody Map<String, String> body) {
        assignments.giveBack(user.countyCode(), id, user.departmentId(), body.get("reason"), LocalDate.now(clock));
        return Map.of("state", "RETURNED");
    }

    @PostMapping("/api/assignments/{id}/extend")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION')")
    @Operation(summary = "延期", description = "dueDate（yyyy-MM-dd）不晚于交办后 6 个月；须在原期限届满前；理由必填")
    Map<String, Object> extend(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @RequestBody Map<String, String> body) {
        java.time.LocalDate due;
        try {
            due = java.time.LocalDate.parse(String.valueOf(body.get("dueDate")));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("dueDate", "办理期限应为 yyyy-MM-dd");
        }
        assignments.extend(user.countyCode(), id, due, body.get("reason"), LocalDate.now(clock));
        return Map.of("dueDate", due.toString());
    }

    @GetMapping("/api/follow-ups")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'LEADER', 'UNIT_STAFF')")
    @Operation(summary = "待跟踪落实的 B、C 类答复", description = "承办单位只见本单位的")
    List<Map<String, Object>> followUps(@AuthenticationPrincipal CurrentUser user) {
        if (user.role() == Role.UNIT_STAFF) {
            return user.departmentId() == null ? List.of() : followUps.open(user.countyCode(), user.departmentId());
        }
        return followUps.open(user.countyCode(), null);
    }

    @PostMapping("/api/proposals/{id}/follow-up")
    @PreAuthorize("hasRole('UNIT_STAFF')")
    @Operation(summary = "报告落实情况（答复单位）", description = "report 必填；solved 为 true 时跟踪落实结束")
    Map<String, Object> reportFollowUp(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                       @RequestBody Map<String, Object> body) {
        boolean solved = flag(body, "solved");
        followUps.report(user.countyCode(), id, user.departmentId(), text(body, "report", "落实情况"), solved,
                user.username());
        return Map.of("solved", solved);
    }

    @GetMapping("/api/todo")
    @PreAuthorize("hasRole('UNIT_STAFF')")
    @Operation(summary = "本单位待办（待签收、待办理、即将到期、已超期）")
    List<Map<String, Object>> todo(@AuthenticationPrincipal CurrentUser user) {
        return assignments.todo(user.countyCode(), user.departmentId(), LocalDate.now(clock));
    }

    @PostMapping("/api/assignments/{id}/reply")
    @PreAuthorize("hasRole('UNIT_STAFF')")
    @Operation(summary = "起草或修改答复（已签收的主办或分办单位）", description = "category 为 A、B 或 C；signer 必填")
    Map<String, Object> draft(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                              @RequestBody ReplyDrafting.Draft draft) {
        return Map.of("replyId", drafting.draft(user.countyCode(), id, user.departmentId(), draft));
    }

    @PostMapping("/api/replies/{id}/submit")
    @PreAuthorize("hasRole('UNIT_STAFF')")
    @Operation(summary = "答复提交督查室审核")
    Map<String, Object> submitReply(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        drafting.submit(user.countyCode(), id, user.departmentId());
        return Map.of("status", "IN_REVIEW");
    }

    @PostMapping("/api/replies/{id}/review")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION')")
    @Operation(summary = "督查室审核答复", description = "approve=true 签发并按单位顺序编发文字号；false 退回修改（comment 必填）；"
            + "category 可改为 A、B 或 C")
    Map<String, Object> review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @RequestBody Map<String, Object> body) {
        if (!(body.get("approve") instanceof Boolean approve)) {
            throw new InvalidInputException("approve", "approve 应为 true（签发）或 false（退回修改）");
        }
        String comment = text(body, "comment", "审核意见");
        String number = drafting.review(user.countyCode(), id, approve, comment, text(body, "category", "类别"));
        return number == null ? Map.of("status", "DRAFT") : Map.of("status", "RELEASED", "docNumber", number);
    }

    @GetMapping("/api/review")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION')")
    @Operation(summary = "待审核的答复")
    List<Map<String, Object>> inReview(@AuthenticationPrincipal CurrentUser user) {
        return drafting.inReview(user.countyCode());
    }

    @PostMapping("/api/proposals/{id}/feedback")
    @PreAuthorize("hasRole('PROPOSER')")
    @Operation(summary = "提案者反馈对答复的意见", description = "verdict = SATISFIED（满意）、BASICALLY_SATISFIED（基本满意）"
            + "或 DISSATISFIED（不满意，comment 必填，提案重新办理）；须在答复后 15 个工作日内")
    Map<String, Object> feedback(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                 @RequestBody Map<String, Object> body) {
        FeedbackService.Verdict verdict;
        try {
            verdict = FeedbackService.Verdict.valueOf(String.valueOf(body.get("verdict")));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("verdict", "请选择：SATISFIED（满意）、BASICALLY_SATISFIED（基本满意）或 DISSATISFIED（不满意）");
        }
        feedback.answer(user.countyCode(), id, user.displayName(), user.username(), verdict, text(body, "comment", "意见"),
                LocalDate.now(clock));
        return Map.of("verdict", verdict.name());
    }

    /** @return the JSON field as text, or {@code null} when absent; a non-text value is refused naming the field */
    private static String text(Map<String, Object> body, String field, String label) {
        return org.ronghe.problem.JsonFields.text(body, field, label);
    }

    /** @return the JSON field as a flag, {@code false} when absent; a non-boolean value is refused naming the field */
    private static boolean flag(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v != null && !(v instanceof Boolean)) {
            throw new InvalidInputException(field, field + " 应为 true 或 false");
        }
        return Boolean.TRUE.equals(v);
    }
}
