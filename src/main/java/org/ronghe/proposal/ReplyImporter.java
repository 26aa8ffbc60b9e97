package org.ronghe.proposal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.audit.AuditTrail;
import org.ronghe.department.Department;
import org.ronghe.department.DepartmentDirectory;
import org.ronghe.document.ExtractedReply;
import org.ronghe.document.ReplyExtractor;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores confirmed reply letters: finds or creates the session (届次), the proposer and the proposal, resolves the
 * issuing organ to the county's handling unit through its names and aliases, and stores the reply with the
 * commitments and figures its text states. One letter is one transaction: it is stored whole or not at all, and a
 * letter imported before (same text, or same 文号 and issuer) is recognised and not stored again.
 */
@Service
public class ReplyImporter {

    private final JdbcClient jdbc;
    private final DepartmentDirectory departments;
    private final AuditTrail audit;
    private final SimilarProposals similar;
    private final ReplyExtractor extractor = new ReplyExtractor();

    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    ReplyImporter(JdbcClient jdbc, DepartmentDirectory departments, AuditTrail audit, SimilarProposals similar,
                  org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.events = events;
        this.jdbc = jdbc;
        this.departments = departments;
        this.audit = audit;
        this.similar = similar;
    }

    /**
     * @param countyCode 6-digit county the letter belongs to
     * @param in         the confirmed fields
     * @return what was done
     * @throws InvalidInputException naming every missing or invalid field; nothing is written
     */
    @Transactional
    public ImportOutcome importReply(String countyCode, ReplyImport in) {
        Clean c = validate(in);
        String hash = sha256(c.text);
        Long departmentId = resolveUnit(countyCode, c).map(Department::id).orElse(null);
        // the same letter: same text (whitespace aside, so a PDF copy of a Word letter matches), or the same 文号
        // (whitespace and full-width forms aside) from the same issuer or the same handling unit
        Optional<Map<String, Object>> existing = jdbc.sql("""
                select id, proposal_id, department_id from reply
                where county_code = :county and (text_hash = :hash
                      or (cast(:doc as varchar) is not null
                          and regexp_replace(normalize(doc_number, NFKC), '\\s', '', 'g') = :doc
                          and (issuer = :issuer or department_id = :dept)))
                order by id limit 1""")
                .param("county", countyCode).param("hash", hash).param("doc", c.docKey).param("issuer", c.issuer)
                .param("dept", departmentId)
                .query().listOfRows().stream().findFirst();
        if (existing.isPresent()) {
            Map<String, Object> row = existing.get();
            return new ImportOutcome(ImportOutcome.Status.DUPLICATE, ((Number) row.get("id")).longValue(),
                    ((Number) row.get("proposal_id")).longValue(),
                    row.get("department_id") == null ? null : ((Number) row.get("department_id")).longValue());
        }
        long sessionId = upsert("""
                insert into congress_session (county_code, kind, name) values (:county, :kind, :name)
                on conflict (county_code, kind, name) do update set name = excluded.name returning id""",
                Map.of("county", countyCode, "kind", c.kind, "name", c.session));
        Long proposerId = c.proposer == null ? null : upsert("""
                insert into proposer (county_code, name) values (:county, :name)
                on conflict (county_code, name) do update set name = excluded.name returning id""",
                Map.of("county", countyCode, "name", c.proposer));
        long proposalId = jdbc.sql("""
                insert into proposal (county_code, kind, session_id, number, title, proposer_id, created_at)
                values (:county, :kind, :session, :number, :title, :proposer, :now)
                on conflict (county_code, session_id, number) do update
                    set title = case when proposal.status = 'REPLIED' then coalesce(excluded.title, proposal.title)
                                     else proposal.title end,
                        proposer_id = case when proposal.status = 'REPLIED'
                                           then coalesce(excluded.proposer_id, proposal.proposer_id)
                                           else proposal.proposer_id end
                returning id""")
                .param("now", OffsetDateTime.now(clock)).param("county", countyCode).param("kind", c.kind).param("session", sessionId)
                .param("number", c.number).param("title", c.title).param("proposer", proposerId)
                .query(Long.class).single();
        long replyId = jdbc.sql("""
                insert into reply (county_code, proposal_id, department_id, doc_number, issuer_mark, issuer,
                                   signature_org, addressee, category, signer, handlers, phone, reply_date, copy_to,
                                   letter_text, text_hash, source_file, imported_by, imported_at)
                values (:county, :proposal, :department, :doc, :mark, :issuer, :signature, :addressee, :category,
                        :signer, :handlers, :phone, :date, :copyTo, :text, :hash, :file, :by, :now)
                returning id""")
                .param("now", OffsetDateTime.now(clock)).param("county", countyCode).param("proposal", proposalId).param("department", departmentId)
                .param("doc", c.docNumber).param("mark", c.issuerMark).param("issuer", c.issuer)
                .param("signature", c.signatureOrg).param("addressee", c.addressee).param("category", c.category)
                .param("signer", c.signer).param("handlers", c.handlers.toArray(String[]::new))
                .param("phone", c.phone).param("date", c.date).param("copyTo", c.copyTo.toArray(String[]::new))
                .param("text", c.text).param("hash", hash).param("file", c.sourceFile).param("by", actor())
                .query(Long.class).single();
        ExtractedReply facts = extractor.extract(c.text);
        List<ReplyRecorded.Commitment> commitments = storeCommitments(jdbc, countyCode, replyId, facts.commitments());
        int seq = 0;
        for (ExtractedReply.Indicator indicator : facts.indicators()) {
            jdbc.sql("""
                    insert into reply_indicator (county_code, reply_id, seq, name, value, value_text, unit, period, change)
                    values (:county, :reply, :seq, :name, :value, :valueText, :unit, :period, :change)""")
                    .param("county", countyCode).param("reply", replyId).param("seq", ++seq)
                    .param("name", shorten(indicator.name(), 200)).param("value", new BigDecimal(indicator.value()))
                    .param("valueText", indicator.value()).param("unit", indicator.unit())
                    .param("period", shorten(indicator.period(), 40)).param("change", shorten(indicator.change(), 60))
                    .update();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("docNumber", c.docNumber);
        summary.put("issuer", c.issuer);
        summary.put("proposal", c.number);
        summary.put("session", c.session);
        summary.put("departmentId", departmentId);
        summary.put("commitments", facts.commitments() == null ? 0 : facts.commitments().size());
        summary.put("indicators", facts.indicators().size());
        audit.record(countyCode, "REPLY_IMPORTED", "reply", String.valueOf(replyId),
                "导入答复函 " + (c.docNumber == null ? "" : c.docNumber + " ") + "（" + c.session + c.number + "）",
                null, summary);
        similar.add(proposalId, countyCode, c.title, c.session, c.number, ProposalStatus.REPLIED.name());
        events.publishEvent(new ReplyRecorded(countyCode, replyId, proposalId, departmentId, c.date, c.docNumber,
                c.category, commitments));
        return new ImportOutcome(ImportOutcome.Status.CREATED, replyId, proposalId, departmentId);
    }

    private Optional<Department> resolveUnit(String countyCode, Clean c) {
        for (String name : new String[] {c.issuer, c.signatureOrg, c.issuerMark}) {
            if (name != null) {
                Optional<Department> d = departments.resolve(countyCode, name);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    private long upsert(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static String actor() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? AuditTrail.SYSTEM_ACTOR : auth.getName();
    }

    private Clean validate(ReplyImport in) {
        List<FieldProblem> problems = new ArrayList<>();
        Clean c = new Clean();
        c.docNumber = blankToNull(TextInput.line("docNumber", "发文字号", in.docNumber(), 60, false, problems));
        c.issuerMark = blankToNull(TextInput.line("issuerMark", "发文机关标志", in.issuerMark(), 100, false, problems));
        c.issuer = TextInput.line("issuer", "发文机关", in.issuer(), 100, true, problems);
        c.signatureOrg = blankToNull(TextInput.line("signatureOrg", "署名机关", in.signatureOrg(), 100, false, problems));
        c.number = TextInput.line("proposalNumber", "提案号", in.proposalNumber(), 40, true, problems)
                .replaceAll("\\s+", "");
        c.session = TextInput.line("session", "届次", in.session(), 100, true, problems);
        c.proposer = blankToNull(TextInput.line("proposer", "提案者", in.proposer(), 200, false, problems));
        c.title = blankToNull(TextInput.line("proposalTitle", "提案标题", in.proposalTitle(), 300, false, problems));
        c.addressee = blankToNull(TextInput.line("addressee", "主送", in.addressee(), 200, false, problems));
        c.signer = blankToNull(TextInput.line("signer", "签发人", in.signer(), 60, false, problems));
        c.phone = blankToNull(TextInput.line("phone", "联系电话", in.phone(), 40, false, problems));
        String kind = in.proposalKind() == null ? "" : in.proposalKind().strip();
        if (!kind.equals("CPPCC") && !kind.equals("NPC")) {
            problems.add(new FieldProblem("proposalKind", "请选择类型：政协提案（CPPCC）或人大建议（NPC）"));
        }
        c.kind = kind;
        String category = in.category() == null ? "" : in.category().strip();
        if (!category.isEmpty() && !category.matches("[ABCD]")) {
            problems.add(new FieldProblem("category", "办理类别应为 A、B、C 或 D，或留空"));
        }
        c.category = category.isEmpty() ? null : category;
        try {
            c.date = LocalDate.parse(in.date() == null ? "" : in.date().strip());
            if (c.date.getYear() < 1949 || c.date.isAfter(LocalDate.now(clock).plusYears(1))) {
                problems.add(new FieldProblem("date", "成文日期不在合理范围内（1949 年至明年）"));
            }
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("date", "成文日期应为 yyyy-MM-dd，如 2025-08-27"));
        }
        c.handlers = cleanList("handlers", "承办人员", in.handlers(), problems);
        c.copyTo = cleanList("copyTo", "抄送", in.copyTo(), problems);
        c.text = in.letterText() == null ? "" : in.letterText();
        if (c.text.isBlank()) {
            problems.add(new FieldProblem("letterText", "缺少答复函正文"));
        } else if (c.text.indexOf('\0') >= 0) {
            problems.add(new FieldProblem("letterText", "正文含有空字符"));
        }
        c.sourceFile = in.sourceFile() == null ? null : shorten(TextInput.clean(in.sourceFile()), 255);
        c.docKey = c.docNumber == null ? null
                : java.text.Normalizer.normalize(c.docNumber, java.text.Normalizer.Form.NFKC).replaceAll("\\s+", "");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return c;
    }

    private static List<String> cleanList(String field, String label, List<String> values, List<FieldProblem> problems) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                String s = TextInput.line(field, label, v, 100, false, problems);
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * Stores a reply's commitments as {@code reply_commitment} rows.
     *
     * @return them as the {@link ReplyRecorded} event carries them
     */
    static List<ReplyRecorded.Commitment> storeCommitments(JdbcClient jdbc, String countyCode, long replyId,
                                                            List<ExtractedReply.Commitment> found) {
        List<ReplyRecorded.Commitment> out = new java.util.ArrayList<>();
        if (found == null) {
            return out;
        }
        int seq = 0;
        for (ExtractedReply.Commitment commitment : found) {
            String title = shorten(commitment.title(), 300);
            jdbc.sql("""
                    insert into reply_commitment (county_code, reply_id, seq, title, text)
                    values (:county, :reply, :seq, :title, :text)""")
                    .param("county", countyCode).param("reply", replyId).param("seq", ++seq)
                    .param("title", title).param("text", commitment.text()).update();
            out.add(new ReplyRecorded.Commitment(seq, title, commitment.text()));
        }
        return out;
    }

    private static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Hash of a letter's text with all whitespace removed: the same letter read from DOCX, PDF or text matches. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.replaceAll("\\s+", "").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Validated values. */
    private static final class Clean {
        String docNumber;
        String docKey;
        String issuerMark;
        String issuer;
        String signatureOrg;
        String number;
        String kind;
        String session;
        String proposer;
        String title;
        String addressee;
        String category;
        String signer;
        List<String> handlers;
        String phone;
        LocalDate date;
        List<String> copyTo;
        String text;
        String sourceFile;
    }
}
