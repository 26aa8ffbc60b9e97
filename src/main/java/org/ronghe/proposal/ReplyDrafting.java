package org.ronghe.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ronghe.problem.Refusal;
import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.problem.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 答复办理: the lead unit (or each unit of a separate assignment) drafts the reply, sends it for review, the
 * supervision office sends it back or approves it (possibly changing the category), and approval releases it with the
 * next 文号 of the unit's own sequence: {@code 机关代字 + 发〔年〕序号号}, e.g. 高发改发〔2025〕85号 (GB/T 9704-2012,
 * 7.2.4: year in 〔〕, serial without leading zeros or 第). The sequence row is locked while the number is taken, so
 * numbers never repeat or skip, however many replies are released at once.
 */
@Service
public class ReplyDrafting {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    ReplyDrafting(JdbcClient jdbc, AuditTrail audit, org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /**
     * A reply as the unit writes it.
     *
     * @param body     正文, headings 一、/（一） on lines of their own (required)
     * @param category 办理结果类别 A, B or C (required)
     * @param signer   签发人 (required)
     * @param handlers 承办人员
     * @param phone    联系电话
     * @param copyTo   抄送
     */
    public record Draft(String body, String category, String signer, List<String> handlers, String phone,
                        List<String> copyTo) {
    }

    /**
     * Writes or rewrites the draft of an assignment.
     *
     * @param countyCode   6-digit county code
     * @param assignmentId the unit's signed assignment (lead or separate)
     * @param departmentId the writing user's unit
     * @param draft        the reply
     * @return the reply id
     */
    @Transactional
    public long draft(String countyCode, long assignmentId, Long departmentId, Draft draft) {
        Map<String, Object> a = assignment(countyCode, assignmentId, departmentId);
        if (!"SIGNED".equals(a.get("state")) || "CO_HANDLER".equals(a.get("mode"))) {
            throw HandlingProblems.conflict("只有已签收的主办或分办单位起草答复（会办单位向主办单位提交会办意见）");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String body = draft.body() == null ? "" : draft.body().strip();
        if (body.isEmpty()) {
            problems.add(new FieldProblem("body", "请填写答复正文"));
        } else if (body.length() > 50_000 || body.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r')) {
            problems.add(new FieldProblem("body", "答复正文过长或含有控制字符"));
        }
        String category = draft.category() == null ? "" : draft.category().strip();
        if (!category.matches("[ABC]")) {
            problems.add(new FieldProblem("category", "请选择办理结果类别：A（已解决或基本解决）、B（正在解决或列入计划）、C（暂不能解决）"));
        }
        String signer = TextInput.line("signer", "签发人", draft.signer(), 30, true, problems);
        String phone = TextInput.line("phone", "联系电话", draft.phone(), 30, false, problems);
        List<String> handlers = names("handlers", "承办人员", draft.handlers(), problems);
        List<String> copyTo = names("copyTo", "抄送", draft.copyTo(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Long existing = jdbc.sql("select id from reply where assignment_id = :a and status = 'DRAFT'")
                .param("a", assignmentId).query(Long.class).optional().orElse(null);
        if (existing == null && jdbc.sql("select exists (select 1 from reply where assignment_id = :a and status = 'IN_REVIEW')")
                .param("a", assignmentId).query(Boolean.class).single()) {
            throw HandlingProblems.conflict("答复正在审核中，不能修改");
        }
        String text = letter(a, body);
        long id;
        if (existing == null) {
            id = jdbc.sql("""
                    insert into reply (county_code, proposal_id, department_id, issuer, issuer_mark, addressee, category,
                                       signer, handlers, phone, reply_date, copy_to, letter_text, text_hash, imported_by,
                                       status, assignment_id, body, imported_at)
                    values (:c, :p, :d, :issuer, :mark, :addressee, :cat, :signer, :handlers, :phone, :date, :copy,
                            :text, :hash, :by, 'DRAFT', :a, :body, :now) returning id""")
                    .param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("p", a.get("proposal_id")).param("d", a.get("department_id"))
                    .param("issuer", a.get("department_name")).param("mark", a.get("department_name") + "文件")
                    .param("addressee", a.get("proposer")).param("cat", category).param("signer", signer)
                    .param("handlers", handlers.toArray(String[]::new)).param("phone", phone.isEmpty() ? null : phone)
                    .param("date", LocalDate.now(clock)).param("copy", copyTo.toArray(String[]::new))
                    .param("text", text).param("hash", "draft-" + assignmentId + "-" + System.nanoTime())
                    .param("by", actor()).param("a", assignmentId).param("body", body)
                    .query(Long.class).single();
        } else {
            id = existing;
            jdbc.sql("""
                    update reply set category = :cat, signer = :signer, handlers = :handlers, phone = :phone,
                           copy_to = :copy, letter_text = :text, body = :body where id = :id""")
                    .param("cat", category).param("signer", signer).param("handlers", handlers.toArray(String[]::new))
                    .param("phone", phone.isEmpty() ? null : phone).param("copy", copyTo.toArray(String[]::new))
                    .param("text", text).param("body", body).param("id", id).update();
        }
        audit.record(countyCode, "REPLY_DRAFTED", "proposal", String.valueOf(a.get("proposal_id")),
                a.get("department_name") + " 起草答复（" + category + "类）", null, Map.of("replyId", id, "body", body));
        return id;
    }

    /** Sends a draft for review by the supervision office. */
    @Transactional
    public void submit(String countyCode, long replyId, Long departmentId) {
        Map<String, Object> r = reply(countyCode, replyId);
        if (departmentId == null || ((Number) r.get("department_id")).longValue() != departmentId) {
            throw Refusal.forbidden("只能提交本单位的答复");
        }
        state(r, "DRAFT", "提交审核");
        jdbc.sql("update reply set status = 'IN_REVIEW', review_comment = null where id = :id").param("id", replyId).update();
        audit.record(countyCode, "REPLY_SUBMITTED", "proposal", String.valueOf(r.get("proposal_id")), "答复提交督查室审核",
                Map.of("status", "DRAFT"), Map.of("status", "IN_REVIEW"));
    }

    /**
     * The supervision office's decision.
     *
     * @param countyCode 6-digit county code
     * @param replyId    a reply in review
     * @param approve    {@code true} releases it with the next 文号; {@code false} sends it back
     * @param comment    the review comment (required when sending back)
     * @param category   a changed category A/B/C, or blank to keep it
     * @return the 文号 when released, otherwise {@code null}
     */
    @Transactional
    public String review(String countyCode, long replyId, boolean approve, String comment, String category) {
        Map<String, Object> r = reply(countyCode, replyId);
        state(r, "IN_REVIEW", approve ? "签发" : "退回修改");
        List<FieldProblem> problems = new ArrayList<>();
        String c = TextInput.line("comment", "审核意见", comment, 500, !approve, problems);
        String cat = category == null ? "" : category.strip();
        if (!cat.isEmpty() && !cat.matches("[ABC]")) {
            problems.add(new FieldProblem("category", "办理结果类别应为 A、B 或 C"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!approve) {
            jdbc.sql("update reply set status = 'DRAFT', review_comment = :c where id = :id").param("c", c)
                    .param("id", replyId).update();
            audit.record(countyCode, "REPLY_SENT_BACK", "proposal", String.valueOf(r.get("proposal_id")),
                    "督查室退回修改：" + c, Map.of("status", "IN_REVIEW"), Map.of("status", "DRAFT", "comment", c));
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        int serial = jdbc.sql("""
                insert into doc_sequence (county_code, department_id, kind, year, next_value)
                values (:c, :d, '发', :y, 2)
                on conflict (department_id, kind, year) do update set next_value = doc_sequence.next_value + 1
                returning next_value - 1""")
                .param("c", countyCode).param("d", r.get("department_id")).param("y", today.getYear())
                .query(Integer.class).single();
        String docCode = jdbc.sql("select doc_code from department where id = :d").param("d", r.get("department_id"))
                .query(String.class).single();
        String number = docCode + "发〔" + today.getYear() + "〕" + serial + "号";
        String finalCategory = cat.isEmpty() ? (String) r.get("category") : cat;
        jdbc.sql("""
                update reply set status = 'RELEASED', doc_number = :n, reply_date = :d, category = :cat,
                       review_comment = :c, text_hash = :hash where id = :id""")
                .param("n", number).param("d", today).param("cat", finalCategory).param("c", c.isEmpty() ? null : c)
                .param("hash", ReplyImporter.sha256(number + r.get("letter_text"))).param("id", replyId).update();
        long proposalId = ((Number) r.get("proposal_id")).longValue();
        long waiting = jdbc.sql("""
                select count(*) from proposal_assignment a
                where a.proposal_id = :p and a.state <> 'RETURNED' and a.mode <> 'CO_HANDLER'
                  and not exists (select 1 from reply x where x.assignment_id = a.id and x.status = 'RELEASED')""")
                .param("p", proposalId).query(Long.class).single();
        if (waiting == 0) {
            String status = jdbc.sql("select status from proposal where id = :id for update").param("id", proposalId)
                    .query(String.class).single();
            ProposalStatus.valueOf(status).check(ProposalStatus.Action.REPLY);
            jdbc.sql("update proposal set status = 'REPLIED' where id = :id").param("id", proposalId).update();
        }
        audit.record(countyCode, "REPLY_RELEASED", "proposal", String.valueOf(proposalId),
                "答复签发，文号 " + number + "（" + finalCategory + "类）", Map.of("status", "IN_REVIEW"),
                Map.of("status", "RELEASED", "docNumber", number, "category", finalCategory));
        // the next-steps part of the released letter states the unit's commitments, tracked from now on
        String letter = (String) r.get("letter_text");
        List<ReplyRecorded.Commitment> commitments = letter == null ? List.of() : ReplyImporter.storeCommitments(jdbc,
                countyCode, replyId, new org.ronghe.document.ReplyExtractor().extract(letter).commitments());
        events.publishEvent(new ReplyRecorded(countyCode, replyId, proposalId,
                ((Number) r.get("department_id")).longValue(), today, number, finalCategory, commitments));
        return number;
    }

    /** @return replies waiting for review in the county: id, proposal, unit, category */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> inReview(String countyCode) {
        return jdbc.sql("""
                select r.id, r.proposal_id, p.number, p.title, r.issuer, r.category from reply r
                join proposal p on p.id = r.proposal_id where r.county_code = :c and r.status = 'IN_REVIEW' order by r.id""")
                .param("c", countyCode).query().listOfRows();
    }

    private String letter(Map<String, Object> a, String body) {
        return a.get("department_name") + "文件\n\n关于" + a.get("session") + "第" + a.get("number") + "号提案的答复\n\n"
                + a.get("proposer") + "：\n\n" + body + "\n\n" + a.get("department_name") + "\n";
    }

    private Map<String, Object> assignment(String countyCode, long assignmentId, Long departmentId) {
        Map<String, Object> a = jdbc.sql("""
                select a.id, a.proposal_id, a.department_id, a.mode, a.state, d.name as department_name,
                       s.name as session, p.number, pr.name as proposer, p.status as proposal_status
                from proposal_assignment a join department d on d.id = a.department_id
                join proposal p on p.id = a.proposal_id join congress_session s on s.id = p.session_id
                left join proposer pr on pr.id = p.proposer_id
                where a.id = :id and a.county_code = :c for update of a""")
                .param("id", assignmentId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("交办", assignmentId));
        if (departmentId == null || ((Number) a.get("department_id")).longValue() != departmentId) {
            throw Refusal.forbidden("只能为交办给本单位的提案起草答复");
        }
        return a;
    }

    private Map<String, Object> reply(String countyCode, long replyId) {
        return jdbc.sql("select * from reply where id = :id and county_code = :c for update")
                .param("id", replyId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("答复", replyId));
    }

    private static void state(Map<String, Object> r, String expected, String action) {
        if (!expected.equals(r.get("status"))) {
            throw HandlingProblems.conflict("答复当前为“" + switch ((String) r.get("status")) {
                case "DRAFT" -> "草稿";
                case "IN_REVIEW" -> "审核中";
                case "RELEASED" -> "已签发";
                default -> "导入件";
            } + "”，不能" + action);
        }
    }

    private static List<String> names(String field, String label, List<String> values, List<FieldProblem> problems) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            if (values.size() > 20) {
                problems.add(new FieldProblem(field, label + "最多 20 项"));
                return out;
            }
            for (String v : values) {
                String s = TextInput.line(field, label, v, 60, false, problems);
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static String actor() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? AuditTrail.SYSTEM_ACTOR : auth.getName();
    }
}
