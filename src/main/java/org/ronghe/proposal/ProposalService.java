package org.ronghe.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.problem.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submission and filing of proposals: open sessions, submit (online by the proposer, or entered by the office),
 * accept with the session's next number, reject with a reason, merge into a filed proposal, mark as key proposal.
 * Every change is checked against {@link ProposalStatus} first, done in one transaction and audited.
 */
@Service
public class ProposalService {

    /** Subjects (提案类别) a proposal is filed under. */
    public static final List<String> SUBJECTS = List.of("经济建设", "城乡建设", "农业农村", "文化旅游", "社会事业",
            "生态环境", "政府建设", "其他");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SimilarProposals similar;
    private final Clock clock;

    ProposalService(JdbcClient jdbc, AuditTrail audit, SimilarProposals similar, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.similar = similar;
    }

    /**
     * Opens a session for submissions (or re-opens one of the same name).
     *
     * @param countyCode 6-digit county code
     * @param kind       {@code CPPCC} or {@code NPC}
     * @param name       name as printed, e.g. {@code 政协高平市第七届委员会第五次会议}
     * @param prefix     number prefix, e.g. {@code TA} (numbers TA0001, TA0002 …); blank for 第1号, 第2号 …
     * @return the session id
     * @throws InvalidInputException naming invalid fields
     */
    @Transactional
    public long openSession(String countyCode, String kind, String name, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        String n = TextInput.line("name", "届次名称", name, 100, true, problems);
        String p = TextInput.line("prefix", "编号前缀", prefix, 8, false, problems);
        if (!p.isEmpty() && !p.matches("[A-Za-z]{1,8}")) {
            problems.add(new FieldProblem("prefix", "编号前缀只能是字母，如 TA"));
        }
        if (!"CPPCC".equals(kind) && !"NPC".equals(kind)) {
            problems.add(new FieldProblem("kind", "类型应为 CPPCC（政协）或 NPC（人大）"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("""
                insert into congress_session (county_code, kind, name, number_prefix, open)
                values (:county, :kind, :name, :prefix, true)
                on conflict (county_code, kind, name) do update set open = true,
                    number_prefix = case when congress_session.next_number = 1 then excluded.number_prefix
                                         else congress_session.number_prefix end
                returning id""")
                .param("county", countyCode).param("kind", kind).param("name", n).param("prefix", p)
                .query(Long.class).single();
        audit.record(countyCode, "SESSION_OPENED", "congress_session", String.valueOf(id), "开放届次 " + n + " 受理提案",
                null, Map.of("kind", kind, "name", n, "prefix", p));
        return id;
    }

    /** @return open sessions of the county: id, kind, name */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> openSessions(String countyCode) {
        return jdbc.sql("select id, kind, name, number_prefix from congress_session where county_code = :c and open order by id desc")
                .param("c", countyCode).query().listOfRows();
    }

    /** @return every session of the county (open or closed), newest first, as id/kind/name maps */
    public List<Map<String, Object>> allSessions(String countyCode) {
        return jdbc.sql("select id, kind, name from congress_session where county_code = :c order by id desc")
                .param("c", countyCode).query().listOfRows();
    }

    /**
     * Submits a proposal.
     *
     * @param countyCode 6-digit county code
     * @param form       the proposal
     * @param submittedBy username of who submits (the proposer, or office staff entering a paper proposal)
     * @return the new proposal's id
     * @throws InvalidInputException naming every invalid field; nothing is stored then
     */
    @Transactional
    public long submit(String countyCode, SubmitForm form, String submittedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = TextInput.line("title", "标题", form.title(), 200, true, problems);
        String body = form.body() == null ? "" : form.body().strip();
        if (body.isEmpty()) {
            problems.add(new FieldProblem("body", "请填写提案内容（案由、建议）"));
        } else if (body.length() > 20_000) {
            problems.add(new FieldProblem("body", "提案内容不能超过 20000 字"));
        } else if (!cleanBody(body)) {
            problems.add(new FieldProblem("body", "提案内容含有控制字符或无效字符"));
        }
        String proposer = TextInput.line("proposer", "提案者", form.proposer(), 200, true, problems);
        String subject = form.subject() == null ? "" : form.subject().strip();
        if (!subject.isEmpty() && !SUBJECTS.contains(subject)) {
            problems.add(new FieldProblem("subject", "类别应为：" + String.join("、", SUBJECTS)));
        }
        Set<String> coSigners = new LinkedHashSet<>();
        if (form.coSigners() != null && form.coSigners().size() > 50) {
            problems.add(new FieldProblem("coSigners", "联名人最多 50 位"));
        } else if (form.coSigners() != null) {
            for (String c : form.coSigners()) {
                String name = TextInput.line("coSigners", "联名人", c, 100, false, problems);
                if (!name.isEmpty() && !name.equals(proposer)) {
                    coSigners.add(name);
                }
            }
        }
        Map<String, Object> session = form.sessionId() == null ? null : jdbc.sql("""
                select id, kind, name, open from congress_session where id = :id and county_code = :c""")
                .param("id", form.sessionId()).param("c", countyCode).query().listOfRows().stream().findFirst().orElse(null);
        if (session == null) {
            problems.add(new FieldProblem("sessionId", "请选择届次"));
        } else if (!(Boolean) session.get("open")) {
            problems.add(new FieldProblem("sessionId", "该届次不在受理期"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long proposerId = proposerId(countyCode, proposer);
        long id = jdbc.sql("""
                insert into proposal (county_code, kind, session_id, title, body, subject, proposer_id, status,
                                      submitted_on, submitted_by, created_at)
                values (:county, :kind, :session, :title, :body, :subject, :proposer, 'SUBMITTED', :on, :by, :now)
                returning id""")
                .param("now", OffsetDateTime.now(clock)).param("county", countyCode).param("kind", session.get("kind")).param("session", session.get("id"))
                .param("title", title).param("body", body).param("subject", subject.isEmpty() ? null : subject)
                .param("proposer", proposerId).param("on", LocalDate.now(clock)).param("by", submittedBy)
                .query(Long.class).single();
        for (String c : coSigners) {
            jdbc.sql("insert into proposal_co_signer (county_code, proposal_id, proposer_id) values (:c, :p, :s)")
                    .param("c", countyCode).param("p", id).param("s", proposerId(countyCode, c)).update();
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("title", title);
        record.put("proposer", proposer);
        record.put("coSigners", List.copyOf(coSigners));
        record.put("subject", subject);
        record.put("session", session.get("name"));
        audit.record(countyCode, "PROPOSAL_SUBMITTED", "proposal", String.valueOf(id), "提交提案：" + title, null, record);
        similar.add(id, countyCode, title, (String) session.get("name"), null, ProposalStatus.SUBMITTED.name());
        return id;
    }

    /**
     * 立案: accepts a submitted proposal and gives it the session's next number (TA0001 style, or 第1号). The
     * session row is locked while the number is taken, so numbers never repeat or skip, however many are filed at
     * once.
     *
     * @param countyCode 6-digit county code
     * @param id         proposal id
     * @return the number given
     * @throws NotFoundException if there is no such proposal in the county
     * @throws org.ronghe.problem.Refusal 409 if the proposal is not waiting for filing
     */
    @Transactional
    public String accept(String countyCode, long id) {
        Map<String, Object> p = lock(countyCode, id);
        status(p).check(ProposalStatus.Action.ACCEPT);
        String number;
        do {
            // the session row stays locked until commit: no two filings take the same number; a number already held
            // (a proposal imported from a reply letter) is skipped
            Map<String, Object> seq = jdbc.sql("""
                    update congress_session set next_number = next_number + 1 where id = :s
                    returning next_number - 1 as n, number_prefix""")
                    .param("s", p.get("session_id")).query().singleRow();
            int n = ((Number) seq.get("n")).intValue();
            String prefix = (String) seq.get("number_prefix");
            number = prefix.isEmpty() ? "第" + n + "号" : prefix + String.format("%04d", n);
        } while (jdbc.sql("select exists (select 1 from proposal where session_id = :s and number = :n)")
                .param("s", p.get("session_id")).param("n", number).query(Boolean.class).single());
        jdbc.sql("update proposal set status = 'FILED', number = :n where id = :id").param("n", number).param("id", id)
                .update();
        audit.record(countyCode, "PROPOSAL_ACCEPTED", "proposal", String.valueOf(id), "立案，编号 " + number,
                Map.of("status", p.get("status")), Map.of("status", "FILED", "number", number));
        reindex(countyCode, id);
        return number;
    }

    /**
     * 不予立案.
     *
     * @param countyCode        6-digit county code
     * @param id                proposal id
     * @param reason            why (required, at most 500 characters)
     * @param convertToOpinion  whether it is passed on as 意见建议 (a suggestion handled outside the filing loop)
     * @throws InvalidInputException if the reason is missing
     */
    @Transactional
    public void reject(String countyCode, long id, String reason, boolean convertToOpinion) {
        List<FieldProblem> problems = new ArrayList<>();
        String r = TextInput.line("reason", "不予立案理由", reason, 500, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> p = lock(countyCode, id);
        status(p).check(ProposalStatus.Action.REJECT);
        jdbc.sql("""
                update proposal set status = 'REJECTED', reject_reason = :r, converted_to_opinion = :o where id = :id""")
                .param("r", r).param("o", convertToOpinion).param("id", id).update();
        audit.record(countyCode, "PROPOSAL_REJECTED", "proposal", String.valueOf(id),
                "不予立案" + (convertToOpinion ? "（转为意见建议）" : "") + "：" + r,
                Map.of("status", p.get("status")), Map.of("status", "REJECTED", "reason", r, "convertedToOpinion", convertToOpinion));
        reindex(countyCode, id);
    }

    /**
     * 并案: handles a submitted proposal together with a filed one of the same session; its proposer still gets
     * that proposal's reply.
     *
     * @param countyCode 6-digit county code
     * @param id         the proposal merged
     * @param intoId     the filed proposal it joins
     * @throws InvalidInputException if the target is not a filed proposal of the same session
     */
    @Transactional
    public void merge(String countyCode, long id, long intoId) {
        if (id == intoId) {
            throw new InvalidInputException("intoId", "不能与自身并案");
        }
        Map<String, Object> p = lock(countyCode, id);
        status(p).check(ProposalStatus.Action.MERGE);
        Map<String, Object> target = jdbc.sql("select id, session_id, status, number from proposal where id = :id and county_code = :c")
                .param("id", intoId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new InvalidInputException("intoId", "并入的提案不存在"));
        if (!"FILED".equals(target.get("status")) || !target.get("session_id").equals(p.get("session_id"))) {
            throw new InvalidInputException("intoId", "只能并入同一届次中已立案的提案");
        }
        jdbc.sql("update proposal set status = 'MERGED', merged_into = :t where id = :id").param("t", intoId)
                .param("id", id).update();
        audit.record(countyCode, "PROPOSAL_MERGED", "proposal", String.valueOf(id), "并入提案 " + target.get("number"),
                Map.of("status", p.get("status")), Map.of("status", "MERGED", "mergedInto", intoId));
        reindex(countyCode, id);
    }

    /**
     * Marks a filed proposal as 重点提案 with its supervising leaders.
     *
     * @param countyCode 6-digit county code
     * @param id         proposal id
     * @param leaders    the leaders who supervise it (required)
     */
    @Transactional
    public void markKey(String countyCode, long id, String leaders) {
        List<FieldProblem> problems = new ArrayList<>();
        String l = TextInput.line("leaders", "督办领导", leaders, 200, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> p = lock(countyCode, id);
        status(p).check(ProposalStatus.Action.MARK_KEY);
        jdbc.sql("update proposal set key_proposal = true, supervising_leaders = :l where id = :id").param("l", l)
                .param("id", id).update();
        audit.record(countyCode, "PROPOSAL_MARKED_KEY", "proposal", String.valueOf(id), "列为重点提案，督办领导：" + l,
                Map.of("keyProposal", p.get("key_proposal")), Map.of("keyProposal", true, "leaders", l));
    }

    /** Line breaks and tabs are fine in a body; other control characters and broken surrogates are not. */
    private static boolean cleanBody(String body) {
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t') {
                return false;
            }
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 >= body.length() || !Character.isLowSurrogate(body.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(ch)) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the similar-proposal index's number and status current. */
    void reindex(String countyCode, long id) {
        jdbc.sql("""
                select p.title, s.name, p.number, p.status from proposal p join congress_session s on s.id = p.session_id
                where p.id = :id""").param("id", id).query((rs, i) -> {
                    similar.add(id, countyCode, rs.getString("title"), rs.getString("name"), rs.getString("number"),
                            rs.getString("status"));
                    return null;
                }).list();
    }

    private Map<String, Object> lock(String countyCode, long id) {
        return jdbc.sql("select id, session_id, status, key_proposal from proposal where id = :id and county_code = :c for update")
                .param("id", id).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("提案", id));
    }

    private static ProposalStatus status(Map<String, Object> p) {
        return ProposalStatus.valueOf((String) p.get("status"));
    }

    private long proposerId(String countyCode, String name) {
        return jdbc.sql("""
                insert into proposer (county_code, name) values (:c, :n)
                on conflict (county_code, name) do update set name = excluded.name returning id""")
                .param("c", countyCode).param("n", name).query(Long.class).single();
    }

    /**
     * A proposal as submitted.
     *
     * @param sessionId the open session it is submitted to
     * @param title     标题 (required, at most 200 characters)
     * @param body      案由与建议 (required)
     * @param subject   类别, one of {@link #SUBJECTS}, or blank
     * @param proposer  提案者: a member's or deputy's name, a party branch or a group (required)
     * @param coSigners 联名人
     */
    public record SubmitForm(Long sessionId, String title, String body, String subject, String proposer,
                             List<String> coSigners) {
    }
}
