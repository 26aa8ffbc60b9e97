package org.ronghe.proposal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads stored replies, their commitments and figures. Access decisions are the caller's (see the controllers). */
@Service
@Transactional(readOnly = true)
public class ReplyCatalog {

    private static final String SELECT = """
            select r.id, r.county_code, p.id as proposal_id, p.kind, s.name as session, p.number, p.title,
                   pr.name as proposer, r.department_id, d.name as department_name, r.doc_number, r.issuer_mark,
                   r.issuer, r.signature_org, r.addressee, r.category, r.signer, r.handlers, r.phone, r.reply_date,
                   r.copy_to, r.letter_text, r.source_file, r.imported_by, r.imported_at
            from reply r
            join proposal p on p.id = r.proposal_id
            join congress_session s on s.id = p.session_id
            left join proposer pr on pr.id = p.proposer_id
            left join department d on d.id = r.department_id
            """;

    private static final RowMapper<StoredReply> MAPPER = ReplyCatalog::map;

    private final JdbcClient jdbc;

    ReplyCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param countyCode 6-digit county code
     * @param id         reply id
     * @return the reply if it belongs to the county
     */
    public Optional<StoredReply> find(String countyCode, long id) {
        return jdbc.sql(SELECT + " where r.id = :id and r.county_code = :county")
                .param("id", id).param("county", countyCode).query(MAPPER).optional();
    }

    /**
     * @param countyCode   6-digit county code
     * @param departmentId only this unit's replies, or {@code null} for all
     * @return replies, newest letter first (at most 500)
     */
    public List<StoredReply> list(String countyCode, Long departmentId) {
        return jdbc.sql(SELECT + """
                 where r.county_code = :county and (cast(:dept as bigint) is null or r.department_id = :dept)
                 order by r.reply_date desc, r.id desc limit 500""")
                .param("county", countyCode).param("dept", departmentId).query(MAPPER).list();
    }

    /** @return the commitments the reply states, in order */
    public List<StoredReply.Commitment> commitments(long replyId) {
        return jdbc.sql("select seq, title, text from reply_commitment where reply_id = :id order by seq")
                .param("id", replyId).query(StoredReply.Commitment.class).list();
    }

    /** @return the figures the reply reports, in order */
    public List<StoredReply.Figure> figures(long replyId) {
        return jdbc.sql("""
                select seq, name, value_text, unit, period, change from reply_indicator
                where reply_id = :id order by seq""").param("id", replyId).query(StoredReply.Figure.class).list();
    }

    /**
     * A figure a stored reply reports, as extracted from its text.
     *
     * @param id        the figure (unique in the platform)
     * @param replyId   the reply
     * @param docNumber the reply's 文号, or {@code null}
     * @param replyDate the reply's date
     * @param name      what it measures, as printed
     * @param value     the number
     * @param valueText the number as printed
     * @param unit      the unit as printed
     * @param period    the period as printed (e.g. 2024年, 今年上半年), or {@code null}
     * @param change    the change as printed (e.g. 增长6.5%), or {@code null}
     */
    public record ReportedFigure(long id, long replyId, String docNumber, java.time.LocalDate replyDate, String name,
                                 java.math.BigDecimal value, String valueText, String unit, String period, String change) {
    }

    /**
     * @param countyCode 6-digit county code
     * @return every figure the county's stored replies report, newest reply first
     */
    public List<ReportedFigure> reportedFigures(String countyCode) {
        return jdbc.sql("""
                select f.id, f.reply_id, r.doc_number, r.reply_date, f.name, f.value, f.value_text, f.unit, f.period, f.change
                from reply_indicator f join reply r on r.id = f.reply_id
                where f.county_code = :c order by r.reply_date desc, f.reply_id desc, f.seq""")
                .param("c", countyCode).query((rs, n) -> new ReportedFigure(rs.getLong("id"), rs.getLong("reply_id"),
                        rs.getString("doc_number"), rs.getObject("reply_date", java.time.LocalDate.class), rs.getString("name"),
                        rs.getBigDecimal("value"), rs.getString("value_text"), rs.getString("unit"), rs.getString("period"),
                        rs.getString("change"))).list();
    }

    private static StoredReply map(ResultSet rs, int row) throws SQLException {
        long dept = rs.getLong("department_id");
        boolean noDepartment = rs.wasNull();
        return new StoredReply(rs.getLong("id"), rs.getString("county_code"), rs.getLong("proposal_id"),
                rs.getString("kind"), rs.getString("session"), rs.getString("number"), rs.getString("title"),
                rs.getString("proposer"), noDepartment ? null : dept, rs.getString("department_name"),
                rs.getString("doc_number"), rs.getString("issuer_mark"), rs.getString("issuer"),
                rs.getString("signature_org"), rs.getString("addressee"), rs.getString("category"),
                rs.getString("signer"), strings(rs.getArray("handlers")), rs.getString("phone"),
                rs.getObject("reply_date", java.time.LocalDate.class), strings(rs.getArray("copy_to")),
                rs.getString("letter_text"), rs.getString("source_file"), rs.getString("imported_by"),
                rs.getObject("imported_at", java.time.OffsetDateTime.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
