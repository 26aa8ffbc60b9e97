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
                select to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as at, actor, action, summary
                from audit_event
                where county_code = :c and entity_type = 'proposal' and entity_id = :id order by id""")
                .param("c", countyCode).param("id", String.valueOf(proposalId)).query().listOfRows();
    }
}
