package org.ronghe.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ronghe.problem.Refusal;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.Role;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
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
 * Pages of proposal handling: the list, submission with live similar-title search, the proposal page with its
 * history, and the office's filing actions.
 */
@Controller
class ProposalWebController {

    private final ProposalService service;
    private final ProposalCatalog catalog;
    private final SimilarProposals similar;
    private final AssignmentService assignments;
    private final org.ronghe.department.DepartmentDirectory departments;
    private final ReplyDrafting drafting;
    private final FeedbackService feedback;
    private final CoHandlerOpinions coOpinions;
    private final FollowUps followUps;
    private final Clock clock;

    ProposalWebController(ProposalService service, ProposalCatalog catalog, SimilarProposals similar,
                          AssignmentService assignments, org.ronghe.department.DepartmentDirectory departments,
                          ReplyDrafting drafting, FeedbackService feedback, CoHandlerOpinions coOpinions,
                          FollowUps followUps, Clock clock) {
        this.clock = clock;
        this.followUps = followUps;
        this.feedback = feedback;
        this.coOpinions = coOpinions;
        this.service = service;
        this.catalog = catalog;
        this.similar = similar;
        this.assignments = assignments;
        this.departments = departments;
        this.drafting = drafting;
    }

    /** Proposers see only what they submitted. */
    /** The proposals a user may list: proposers their own, unit staff those assigned to their unit, others all. */
    static List<Map<String, Object>> visible(ProposalCatalog catalog, CurrentUser user) {
        if (user.role() == Role.UNIT_STAFF) {
            return user.departmentId() == null ? List.of() : catalog.assignedTo(user.countyCode(), user.departmentId());
        }
        if (user.role() == Role.PROPOSER) {
            return catalog.ofProposer(user.countyCode(), user.username(), user.displayName());
        }
        return catalog.list(user.countyCode(), null);
    }

    /**
     * Similar proposals a user may learn of: the county-wide roles all; proposers and unit staff only proposals that
     * have been filed (submitted, rejected and merged ones are not theirs to see).
     */
    static List<SimilarProposals.Hit> visibleHits(CurrentUser user, List<SimilarProposals.Hit> hits) {
        if (user.role() != Role.PROPOSER && user.role() != Role.UNIT_STAFF) {
            return hits;
        }
        return hits.stream().filter(h -> List.of("FILED", "ASSIGNED", "REPLIED").contains(h.status())).toList();
    }

    /** @return whether the user may open the proposal (the rule of {@link #readable}) */
    static boolean mayOpen(ProposalCatalog catalog, CurrentUser user, long id) {
        return switch (user.role()) {
            case PROPOSER -> catalog.isProposerOf(id, user.username(), user.displayName());
            case UNIT_STAFF -> user.departmentId() != null && (catalog.isAssignedTo(id, user.departmentId())
                    || catalog.isAnsweredBy(id, user.departmentId()));
            default -> true;
        };
    }

    static Map<String, Object> readable(ProposalCatalog catalog, CurrentUser user, long id) {
        Map<String, Object> p = catalog.find(user.countyCode(), id).orElseThrow(() -> new NotFoundException("提案", id));
        boolean refused = !mayOpen(catalog, user, id);
        if (refused) {
            throw Refusal.forbidden(user.role() == Role.PROPOSER ? "只能查看本人提出或联名的提案" : "只能查看交办给本单位的提案");
        }
        return p;
    }

    @GetMapping("/proposals")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("proposals", visible(catalog, user));
        model.addAttribute("statusLabels", java.util.Arrays.stream(ProposalStatus.values())
                .collect(java.util.stream.Collectors.toMap(ProposalStatus::name, ProposalStatus::label)));
        model.addAttribute("sessions", service.openSessions(user.countyCode()));
        return "proposal/proposals";
    }

    @GetMapping("/proposals/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'PROPOSER')")
    String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        return form(user, model, new ProposalService.SubmitForm(null, "", "", "",
                user.role() == Role.PROPOSER ? user.displayName() : "", List.of()), Map.of());
    }

    @PostMapping("/proposals")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'PROPOSER')")
    String submit(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String sessionId,
                  @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
                  @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String proposer,
                  @RequestParam(defaultValue = "") String coSigners, Model model, RedirectAttributes redirect) {
        Long session = sessionId != null && sessionId.matches("\\d{1,18}") ? Long.valueOf(sessionId) : null;
        ProposalService.SubmitForm form = new ProposalService.SubmitForm(session, title, body, subject,
                user.role() == Role.PROPOSER ? user.displayName() : proposer,
                Arrays.stream(coSigners.split("[、，,；;\\s]+")).filter(s -> !s.isBlank()).toList());
        try {
            long id = service.submit(user.countyCode(), form, user.username());
            redirect.addFlashAttribute("notice", "提案已提交，等待提案委审查立案");
            return "redirect:/proposals/" + id;
        } catch (InvalidInputException e) {
            return form(user, model, form, e.byField());
        }
    }

    /** The similar proposals for a title being typed (htmx fragment). */
    @GetMapping("/proposals/similar")
    String similar(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String title,
                   Model model) {
        model.addAttribute("hits", visibleHits(user, similar.search(user.countyCode(), title, 5)));
        model.addAttribute("typed", !title.isBlank());
        return "proposal/proposal-form :: similar";
    }

    @GetMapping("/proposals/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Map<String, Object> p = readable(catalog, user, id);
        ProposalStatus status = ProposalStatus.valueOf((String) p.get("status"));
        model.addAttribute("p", p);
        model.addAttribute("status", status);
        model.addAttribute("replies", catalog.replies(id));
        model.addAttribute("timeline", catalog.timeline(user.countyCode(), id));
        model.addAttribute("mayFile", (user.role() == Role.ADMIN || user.role() == Role.CPPCC_OFFICE));
        model.addAttribute("allowed", java.util.Arrays.stream(ProposalStatus.Action.values()).filter(status::allows)
                .map(Enum::name).toList());
        List<SimilarProposals.Hit> hits = visibleHits(user, similar.search(user.countyCode(), (String) p.get("title"), 6))
                .stream().filter(h -> h.id() != id).toList();
        model.addAttribute("similar", hits);
        // link only what the user may open; the others are named so that duplicates are still seen
        model.addAttribute("openable", hits.stream().filter(h -> mayOpen(catalog, user, h.id())).map(SimilarProposals.Hit::id)
                .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("assignments", assignments.ofProposal(id));
        model.addAttribute("units", departments.list(user.countyCode()).stream()
                .filter(d -> d.active() && AssignmentService.isHandlingUnit(d)).toList());
        model.addAttribute("myUnit", user.departmentId());
        model.addAttribute("feedback", feedback.ofProposal(id));
        List<Map<String, Object>> opinions = coOpinions.ofProposal(id);
        model.addAttribute("coOpinions", opinions);
        Map<Object, Object> byAssignment = new java.util.HashMap<>();
        opinions.forEach(o -> byAssignment.put(o.get("assignment_id"), o.get("opinion")));
        model.addAttribute("coOpinionOf", byAssignment);
        model.addAttribute("followUpReports", followUps.reports(id));
        model.addAttribute("mayReportFollowUp", user.departmentId() != null && followUps.open(user.countyCode(),
                user.departmentId()).stream().anyMatch(f -> ((Number) f.get("proposal_id")).longValue() == id));
        model.addAttribute("mayAnswer", user.role() == Role.PROPOSER && status == ProposalStatus.REPLIED);
        return "proposal/proposal";
    }

    @PostMapping("/proposals/{id}/filing")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE')")
    String filing(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam String action,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "false") boolean convert,
                  @RequestParam(defaultValue = "") String intoId, @RequestParam(defaultValue = "") String leaders,
                  RedirectAttributes redirect) {
        return act(id, redirect, switch (action) {
            case "ACCEPT" -> "已立案";
            case "REJECT" -> "已不予立案";
            case "MERGE" -> "已并案";
            default -> "已列为重点提案";
        }, () -> {
            switch (action) {
                case "ACCEPT" -> service.accept(user.countyCode(), id);
                case "REJECT" -> service.reject(user.countyCode(), id, reason, convert);
                case "MERGE" -> {
                    if (!intoId.matches("\\d{1,18}")) {
                        throw new InvalidInputException("intoId", "请填写并入提案的系统 ID");
                    }
                    service.merge(user.countyCode(), id, Long.parseLong(intoId));
                }
                case "MARK_KEY" -> service.markKey(user.countyCode(), id, leaders);
                default -> throw new InvalidInputException("action", "未知的办理操作");
            }
        });
    }

    @PostMapping("/proposals/{id}/assign")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE')")
    String assign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "SEPARATE") String mode,
                  @RequestParam(name = "units", required = false) List<Long> units, RedirectAttributes redirect) {
        return act(id, redirect, "已交办", () -> {
            AssignmentService.Mode m = switch (mode) {
                case "LEAD_AND_CO" -> AssignmentService.Mode.LEAD_AND_CO;
                case "SEPARATE" -> AssignmentService.Mode.SEPARATE;
                default -> throw new InvalidInputException("mode", "交办方式应为分办或主办+会办");
            };
            assignments.assign(user.countyCode(), id, m, units == null ? List.of() : units, LocalDate.now(clock));
        });
    }

    @PostMapping("/assignments/{aid}/sign")
    @PreAuthorize("hasRole('UNIT_STAFF')")
    String sign(@AuthenticationPrincipal CurrentUser user, @PathVariable long aid, @RequestParam long proposal,
                RedirectAttributes redirect) {
        return act(proposal, redirect, "已签收", () -> assignments.sign(user.countyCode(), aid, user.departmentId()));
    }

    @PostMapping("/proposals/{id}/follow-up")
    @PreAuthorize("hasRole('UNIT_STAFF')")
    String followUp(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                    @RequestParam(defaultValue = "") String report, @RequestParam(defaultValue = "false") boolean solved,
                    RedirectAttributes redirect) {
        return act(id, redirect, solved ? "已报告解决，跟踪落实结束" : "已记录落实进展",
                () -> followUps.report(user.countyCode(), id, user.departmentId(), report, solved, user.username()));
    }

    @PostMapping("/assignments/{aid}/opinion")
    @PreAuthorize("hasRole('UNIT_STAFF')")
    String opinion(@AuthenticationPrincipal CurrentUser user, @PathVariable long aid, @RequestParam long proposal,
                   @RequestParam(defaultValue = "") String opinion, RedirectAttributes redirect) {
        return act(proposal, redirect, "已提交会办意见，主办单位可在本页查看",
                () -> coOpinions.submit(user.countyCode(), aid, user.departmentId(), opinion, user.username()));
    }

    @PostMapping("/assignments/{aid}/return")
    @PreAuthorize("hasRole('UNIT_STAFF')")
    String giveBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long aid, @RequestParam long proposal,
                    @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(proposal, redirect, "已退回提案委", () -> assignments.giveBack(user.countyCode(), aid,
                user.departmentId(), reason, LocalDate.now(clock)));
    }

    @PostMapping("/assignments/{aid}/reply")
    @PreAuthorize("hasRole('UNIT_STAFF')")
    String draft(@AuthenticationPrincipal CurrentUser user, @PathVariable long aid, @RequestParam long proposal,
                 @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String category,
                 @RequestParam(defaultValue = "") String signer, @RequestParam(defaultValue = "") String handlers,
                 @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String copyTo,
                 @RequestParam(defaultValue = "false") boolean submit, RedirectAttributes redirect) {
        return act(proposal, redirect, submit ? "答复已提交督查室审核" : "答复草稿已保存", () -> {
            long reply = drafting.draft(user.countyCode(), aid, user.departmentId(), new ReplyDrafting.Draft(body,
                    category, signer, split(handlers), phone, split(copyTo)));
            if (submit) {
                drafting.submit(user.countyCode(), reply, user.departmentId());
            }
        });
    }

    @PostMapping("/proposals/{id}/feedback")
    @PreAuthorize("hasRole('PROPOSER')")
    String answer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "") String verdict, @RequestParam(defaultValue = "") String comment,
                  RedirectAttributes redirect) {
        return act(id, redirect, "已提交您的意见，谢谢", () -> {
            FeedbackService.Verdict v = java.util.Arrays.stream(FeedbackService.Verdict.values())
                    .filter(x -> x.name().equals(verdict)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("verdict", "请选择满意、基本满意或不满意"));
            feedback.answer(user.countyCode(), id, user.displayName(), user.username(), v, comment, LocalDate.now(clock));
        });
    }

    @GetMapping("/review")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION')")
    String review(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("items", drafting.inReview(user.countyCode()));
        return "proposal/review-replies";
    }

    @PostMapping("/review/{rid}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISION')")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable long rid, @RequestParam boolean approve,
                  @RequestParam(defaultValue = "") String comment, @RequestParam(defaultValue = "") String category,
                  RedirectAttributes redirect) {
        org.ronghe.problem.FormOutcome.attempt(redirect, "未办理", () -> {
            String number = drafting.review(user.countyCode(), rid, approve, comment, category);
            return number == null ? "已退回修改" : "已签发，文号 " + number;
        });
        return "redirect:/review";
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split("[、，,；;\\s]+")).filter(x -> !x.isBlank()).toList();
    }

    @GetMapping("/todo")
    @PreAuthorize("hasRole('UNIT_STAFF')")
    String todo(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("items", user.departmentId() == null ? List.of()
                : assignments.todo(user.countyCode(), user.departmentId(), LocalDate.now(clock)));
        model.addAttribute("followUps", user.departmentId() == null ? List.of()
                : followUps.open(user.countyCode(), user.departmentId()));
        return "proposal/todo";
    }

    /** Runs an action and reports its outcome, or why it was refused, on the proposal page. */
    private String act(long proposalId, RedirectAttributes redirect, String done, Runnable action) {
        org.ronghe.problem.FormOutcome.attempt(redirect, done, "未办理", action);
        return "redirect:/proposals/" + proposalId;
    }

    private String form(CurrentUser user, Model model, ProposalService.SubmitForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sessions", service.openSessions(user.countyCode()));
        model.addAttribute("subjects", ProposalService.SUBJECTS);
        model.addAttribute("proposerFixed", user.role() == Role.PROPOSER);
        model.addAttribute("hits", List.of());
        model.addAttribute("typed", false);
        return "proposal/proposal-form";
    }
}
