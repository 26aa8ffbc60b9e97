package org.ronghe.proposal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads proposals for lists and the proposal page. */
@Service
@Transactional(readOnly = true)
public class ProposalCatalog {

    private static final String SELECT = """
            select p.id, p.county_code, p.kind, s.name as session, p.number, p.title, p.body, p.subject, p.status,
                   pr.name as proposer, p.submitted_on, p.submitted_by, p.reject_reason, p.converted_to_opinion,
                   p.merged_into, p.key_proposal, p.supervising_leaders,
                   (select string_agg(c.name, '、' order by c.name) from proposal_co_signer pc
                     join proposer c on c.id = pc.proposer_id where pc.proposal_id = p.id) as co_signers
            from proposal p join congress_session s on s.id = p.session_id left join proposer pr on pr.id = p.proposer_id
            """;

    private final JdbcClient jdbc;

    ProposalCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param countyCode  6-digit county code
     * @param submittedBy only proposals this user submitted, or {@code null} for all
     * @return proposals, newest first (at most 500), as column maps
     */
    public List<Map<String, Object>> list(String countyCode, String submittedBy) {
        return jdbc.sql(SELECT + """
                 where p.county_code = :c and (cast(:by as varchar) is null or p.submitted_by = :by)
                 order by p.id desc limit 500""").param("c", countyCode).param("by", submittedBy).query().listOfRows()
                .stream().map(AssignmentService::localDates).toList();
    }

    /**
     * A proposer's own proposals: those they submitted online and those the office entered naming them as proposer
     * or co-signer (paper proposals), matched by the account's display name.
     *
     * @param countyCode 6-digit county code
     * @param username   the proposer's account
     * @param name       the account's display name
     * @return proposals, newest first (at most 500), as column maps
     */
    public List<Map<String, Object>> ofProposer(String countyCode, String username, String name) {
        return jdbc.sql(SELECT + " where p.county_code = :c and (p.submitted_by = :u or " + NAMED
                        + ") order by p.id desc limit 500")
                .param("c", countyCode).param("u", username).param("n", name).query().listOfRows()
                .stream().map(AssignmentService::localDates).toList();
    }

    /** @return whether the proposal names {@code name} as its proposer or a co-signer */
    public boolean names(long proposalId, String name) {
        return jdbc.sql("select exists (select 1 from proposal p where p.id = :id and " + NAMED + ")")
                .param("id", proposalId).param("n", name).query(Boolean.class).single();
    }

    private static final String NAMED = "(exists (select 1 from proposer x where x.id = p.proposer_id and x.name = :n)"
            + " or exists (select 1 from proposal_co_signer pc join proposer x on x.id = pc.proposer_id"
            + " where pc.proposal_id = p.id and x.name = :n))";

    /**
     * @param countyCode   6-digit county code
     * @param departmentId a handling unit
     * @return proposals assigned to the unit (returned ones included), newest first
     */
    public List<Map<String, Object>> assignedTo(String countyCode, long departmentId) {
        return jdbc.sql(SELECT + """
                 where p.county_code = :c and exists (select 1 from proposal_assignment a
                                                      where a.proposal_id = p.id and a.department_id = :d)
                 order by p.id desc limit 500""").param("c", countyCode).param("d", departmentId).query().listOfRows()
                .stream().map(AssignmentService::localDates).toList();
    }

    /** @return whether the proposal was ever assigned to the unit */
    public boolean isAnsweredBy(long proposalId, long departmentId) {
        return jdbc.sql("""
                select exists (select 1 from reply where proposal_id = :p and department_id = :d
                               and status in ('RELEASED', 'IMPORTED'))""")
                .param("p", proposalId).param("d", departmentId).query(Boolean.class).single();
    }

    /**
     * @param proposalId  a proposal
     * @param username    an account
     * @param displayName its display name
     * @return whether the account submitted the proposal or is named as its proposer or a co-signer
     */
    public boolean isProposerOf(long proposalId, String username, String displayName) {
        return jdbc.sql("select submitted_by = :u from proposal where id = :p").param("u", username).param("p", proposalId)
                .query(Boolean.class).optional().orElse(false) || names(proposalId, displayName);
    }

    /**
     * @param proposalId   a proposal
     * @param departmentId a unit
     * @return whether the proposal was assigned to the unit
     */
    public boolean isAssignedTo(long proposalId, long departmentId) {
        return jdbc.sql("select exists (select 1 from proposal_assignment where proposal_id = :p and department_id = :d)")
                .param("p", proposalId).param("d", departmentId).query(Boolean.class).single();
    }

    /**
     * @param countyCode 6-digit county code
     * @param id         proposal id
     * @return the proposal, if it is in the county
     */
    public Optional<Map<String, Object>> find(String countyCode, long id) {
        return jdbc.sql(SELECT + " where p.id = :id and p.county_code = :c").param("id", id).param("c", countyCode)
                .query().listOfRows().stream().findFirst().map(AssignmentService::localDates);
    }

    /** @return ids of the replies answering the proposal */
    public List<Long> replies(long proposalId) {
        return jdbc.sql("select id from reply where proposal_id = :id order by id").param("id", proposalId)
                .query(Long.class).list();
    }

    /** @return the proposal's history from the audit trail: time (China), actor, action, summary; oldest first */
    public List<Map<String, Object>> timeline(String countyCode, long proposalId) {
        return jdbc.sql("""
                select to_char(e.occurred_at, 'YYYY-MM-DD HH24:MI') as at,
                       coalesce(u.display_name, case e.actor when 'system' then '系统' else e.actor end) as actor,
                       e.action, e.summary, e.old_value::text as old_value, e.new_value::text as new_value
                from audit_event e left join app_user u on u.username = e.actor
                where e.county_code = :c and (
                    (e.entity_type = 'proposal' and e.entity_id = :id)
                    or (e.entity_type = 'reply' and e.entity_id in (select r.id::text from reply r where r.proposal_id = :p)))
                order by e.id""")
                .param("c", countyCode).param("id", String.valueOf(proposalId)).param("p", proposalId).query().listOfRows()
                .stream().map(row -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>(row);
                    m.put("changes", changes((String) row.remove("old_value"), (String) row.remove("new_value")));
                    m.remove("old_value");
                    m.remove("new_value");
                    return m;
                }).toList();
    }

    /** Chinese names of the values the handling steps record (keys of the audit trail's old and new JSON). */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("body", "答复正文"),
            Map.entry("category", "类别"), Map.entry("comment", "意见"), Map.entry("docNumber", "文号"),
            Map.entry("dueDate", "办理期限"), Map.entry("keyProposal", "重点提案"), Map.entry("leaders", "督办领导"),
            Map.entry("mergedInto", "并入"), Map.entry("number", "编号"), Map.entry("opinion", "会办意见"),
            Map.entry("reason", "理由"), Map.entry("solved", "已解决"), Map.entry("state", "交办状态"),
            Map.entry("status", "状态"), Map.entry("verdict", "意见"), Map.entry("public", "公开"),
            Map.entry("convertedToOpinion", "转为意见建议"), Map.entry("kind", "方式"), Map.entry("progress", "进度"),
            Map.entry("text", "落实情况"));

    /** Readable words for the codes the trail stores. */
    private static final Map<String, String> VALUES = Map.ofEntries(Map.entry("SUBMITTED", "已提交"),
            Map.entry("FILED", "已立案"), Map.entry("REJECTED", "不予立案"), Map.entry("MERGED", "已并案"),
            Map.entry("ASSIGNED", "办理中"), Map.entry("REPLIED", "已答复"), Map.entry("PENDING", "待签收"),
            Map.entry("SIGNED", "已签收"), Map.entry("RETURNED", "已退回"), Map.entry("DRAFT", "草稿"),
            Map.entry("IN_REVIEW", "待审核"), Map.entry("RELEASED", "已签发"), Map.entry("SATISFIED", "满意"),
            Map.entry("BASICALLY_SATISFIED", "基本满意"), Map.entry("DISSATISFIED", "不满意"),
            Map.entry("NO_RESPONSE", "逾期未反馈"), Map.entry("OPEN", "跟踪中"), Map.entry("DONE", "已办结"),
            Map.entry("true", "是"), Map.entry("false", "否"));

    /**
     * @return what a step changed, one {@code {label, old, new}} per recorded value with a Chinese name (internal ids
     *         are left out), old {@code ""} where there was none
     */
    private static List<Map<String, String>> changes(String oldJson, String newJson) {
        Map<String, Object> before = json(oldJson);
        Map<String, Object> after = json(newJson);
        List<Map<String, String>> out = new java.util.ArrayList<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            if (LABELS.containsKey(k) && !word(before.get(k)).equals(word(after.get(k)))) {
                out.add(Map.of("label", LABELS.get(k), "old", word(before.get(k)), "new", word(after.get(k))));
            }
        }
        return out;
    }

    private static String word(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof java.util.Collection<?> c ? String.join("、", c.stream().map(String::valueOf).toList())
                : String.valueOf(v);
        return VALUES.getOrDefault(s, s);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Object v = JSON.readValue(text, Object.class);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
}
