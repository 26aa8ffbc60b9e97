package org.ronghe.land;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.problem.Refusal;
import org.ronghe.problem.TextInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a transfer after it is signed (rules of ../shared/domain/land.md):
 * <ul>
 * <li>L10 — the risk deposit (风险保障金) is released once, at or after the end of the term or an early end, to the
 * transferee or (for losses) the household (农村土地经营权流转管理办法 第30条);</li>
 * <li>L12 — the transferee re-transfers (再流转) or pledges (融资担保) the operating right only with the household's
 * written consent, filed with the collective, within its own term (农村土地承包法 第46条、第47条; 办法 第12条);</li>
 * <li>L13 — the household ends the transfer alone only on a legal ground: changed agricultural use, land abandoned
 * two years or more, serious damage to the land or its ecology, or another serious breach (法 第42条; 办法 第20条);
 * otherwise only by agreement of both;</li>
 * <li>L16 — at the end of the term the incumbent renews on equal terms or declines, once (办法 第10条).</li>
 * </ul>
 * Every step is audited; an early end frees the parcels from the day after it, drops the unpaid rent falling due
 * later and ends the onward dealings that ran past it. A transfer whose contract is not signed may be withdrawn
 * (撤销): it then ends the day before it starts and was never live.
 */
@Service
public class TransferLifecycle {

    /** Legal bases of an early end (L13), with their Chinese names. */
    static final Map<String, String> TERMINATION_BASES;

    static {
        Map<String, String> bases = new java.util.LinkedHashMap<>();
        bases.put("AGREEMENT", "双方协商一致");
        bases.put("CHANGED_USE", "擅自改变土地的农业用途");
        bases.put("ABANDONED", "弃耕抛荒连续两年以上");
        bases.put("SERIOUS_DAMAGE", "给土地造成严重损害或者严重破坏土地生态环境");
        bases.put("SERIOUS_BREACH", "受让方有其他严重违约行为");
        bases.put("WITHDRAWN", "撤销（录入有误或未签约，合同未成立）");
        TERMINATION_BASES = java.util.Collections.unmodifiableMap(bases);
    }

    /**
     * An onward dealing by the transferee (L12).
     *
     * @param kind            RE_TRANSFER (再流转) or MORTGAGE (融资担保)
     * @param counterparty    the new transferee, or the lending financial institution
     * @param start           first day
     * @param end             last day (inclusive), within the transfer's term
     * @param amount          for a mortgage, the secured amount in 元; otherwise {@code null}
     * @param consentSignedOn the day the household gave its written consent
     * @param filedOn         the day it was filed with the collective (发包方备案), on or after the consent
     */
    public record Onward(String kind, String counterparty, LocalDate start, LocalDate end, BigDecimal amount,
                         LocalDate consentSignedOn, LocalDate filedOn) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransferService transfers;
    private final Clock clock;

    TransferLifecycle(JdbcClient jdbc, AuditTrail audit, TransferService transfers, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transfers = transfers;
    }

    /**
     * Releases the risk deposit of a signed contract (L10).
     *
     * @param to   TRANSFEREE (returned) or TRANSFEROR (paid to the household for losses; a note is then required)
     * @param on   the release day: not before the end of the term (or the early end) and not in the future
     * @param note what it was released for
     * @throws InvalidInputException  naming {@code to}, {@code on} or {@code note}
     * @throws NotFoundException      for a transfer without a contract
     * @throws Refusal 409 when the contract is not signed, has no deposit, or it is released already
     */
    @Transactional
    public void releaseDeposit(String countyCode, long transferId, String to, LocalDate on, String note, String by) {
        Map<String, Object> c = jdbc.sql("""
                select k.id, k.deposit_yuan, k.deposit_released_on, t.end_date, t.terminated_on,
                       (k.transferor_confirmed_at is not null and k.transferee_confirmed_at is not null) as signed
                from land_transfer_contract k join land_transfer t on t.id = k.transfer_id
                where k.transfer_id = :t and k.county_code = :c for update of k""")
                .param("t", transferId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("流转合同", transferId));
        if (!Boolean.TRUE.equals(c.get("signed")) || ((BigDecimal) c.get("deposit_yuan")).signum() == 0) {
            throw Refusal.conflict("L10：该流转没有已成立合同约定的风险保障金");
        }
        if (c.get("deposit_released_on") != null) {
            throw Refusal.conflict("L10：风险保障金已于 " + c.get("deposit_released_on") + " 退还或支付");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (to == null || !List.of("TRANSFEREE", "TRANSFEROR").contains(to)) {
            problems.add(new FieldProblem("to", "风险保障金应退还受让方（TRANSFEREE）或用于补偿承包方（TRANSFEROR）"));
        }
        String text = TextInput.line("note", "说明", note, 500, "TRANSFEROR".equals(to), problems);
        LocalDate end = c.get("terminated_on") != null ? ((java.sql.Date) c.get("terminated_on")).toLocalDate()
                : ((java.sql.Date) c.get("end_date")).toLocalDate();
        if (on == null || on.isBefore(end) || on.isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblem("on", "L10（《农村土地经营权流转管理办法》第30条）：风险保障金在流转期满（" + end
                    + "）或解除后才能退还，日期也不能晚于今天"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                update land_transfer_contract set deposit_released_on = :on, deposit_released_to = :to,
                    deposit_release_note = :note where id = :id""")
                .param("on", on).param("to", to).param("note", text).param("id", c.get("id")).update();
        audit.record(countyCode, "LAND_DEPOSIT_RELEASED", "land_transfer", String.valueOf(transferId),
                "风险保障金 " + c.get("deposit_yuan") + " 元" + ("TRANSFEREE".equals(to) ? "退还受让方" : "用于补偿承包方") + "（" + on + "）",
                Map.of("released", false), Map.of("released", true, "to", to, "on", on.toString()));
    }

    /**
     * Records a re-transfer or a pledge of the operating right by the transferee (L12).
     *
     * @return the new record's id
     * @throws InvalidInputException  naming the field; {@code consentSignedOn} and {@code filedOn} are required (L12)
     * @throws NotFoundException      for an unknown transfer
     * @throws Refusal 409 when the transfer has ended early
     */
    @Transactional
    public long recordOnward(String countyCode, long transferId, Onward o, String by) {
        Map<String, Object> t = transfer(countyCode, transferId);
        if (t.get("terminated_on") != null) {
            throw Refusal.conflict("该流转已于 " + t.get("terminated_on") + " 解除，不能再流转或融资担保");
        }
        if (!signed(transferId)) {
            throw Refusal.conflict("L12：流转合同尚未经双方确认，受让方还没有可再流转或融资担保的土地经营权");
        }
        String rule = "L12（《农村土地承包法》第46条、第47条，《农村土地经营权流转管理办法》第12条）：";
        List<FieldProblem> problems = new ArrayList<>();
        if (o.kind() == null || !List.of("RE_TRANSFER", "MORTGAGE").contains(o.kind())) {
            problems.add(new FieldProblem("kind", "类型应为 再流转（RE_TRANSFER）或 融资担保（MORTGAGE）"));
        }
        String counterparty = TextInput.line("counterparty", "再流转受让方或金融机构", o.counterparty(), 100, true, problems);
        LocalDate start = ((java.sql.Date) t.get("start_date")).toLocalDate();
        LocalDate end = ((java.sql.Date) t.get("end_date")).toLocalDate();
        if (o.start() == null || o.end() == null || !o.end().isAfter(o.start())) {
            problems.add(new FieldProblem("end", "期限：终止日期应晚于起始日期"));
        } else if (o.start().isBefore(start) || o.end().isAfter(end)) {
            problems.add(new FieldProblem("end", rule + "期限不得超出原流转期限（" + start + " 至 " + end + "）"));
        }
        if ("MORTGAGE".equals(o.kind()) && (o.amount() == null || o.amount().signum() <= 0
                || o.amount().stripTrailingZeros().scale() > 2 || o.amount().compareTo(BigDecimal.valueOf(10_000_000_000L)) > 0)) {
            problems.add(new FieldProblem("amount", "担保金额（元）应大于 0，最多两位小数"));
        }
        LocalDate earliest = ((java.sql.Timestamp) t.get("recorded_at")).toInstant().atZone(clock.getZone()).toLocalDate();
        earliest = start.isBefore(earliest) ? start : earliest;
        if (o.consentSignedOn() == null || o.consentSignedOn().isAfter(LocalDate.now(clock)) || o.consentSignedOn().isBefore(earliest)) {
            problems.add(new FieldProblem("consentSignedOn", rule + "须经承包方书面同意，请填写书面同意的日期（" + earliest
                    + " 到今天之间）"));
        }
        if (o.filedOn() == null || o.filedOn().isAfter(LocalDate.now(clock))
                || o.consentSignedOn() != null && o.filedOn().isBefore(o.consentSignedOn())) {
            problems.add(new FieldProblem("filedOn", rule + "须向发包方备案，请填写备案日期（在书面同意之后、不晚于今天）"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if ("RE_TRANSFER".equals(o.kind())) {
            jdbc.sql("""
                    select counterparty || '（' || start_date || ' 至 ' || coalesce(ended_on, end_date) || '）' from land_onward_dealing
                    where transfer_id = :t and kind = 'RE_TRANSFER' and start_date <= :e and coalesce(ended_on, end_date) >= :s""")
                    .param("t", transferId).param("s", o.start()).param("e", o.end()).query(String.class).optional()
                    .ifPresent(other -> {
                        throw Refusal.conflict("L18：同一期间已再流转给" + other + "，期限不得重叠");
                    });
        }
        long id = jdbc.sql("""
                insert into land_onward_dealing (county_code, transfer_id, kind, counterparty, start_date, end_date,
                                                 amount_yuan, consent_signed_on, filed_on, recorded_by, recorded_at)
                values (:c, :t, :k, :cp, :s, :e, :a, :cs, :f, :by, :now) returning id""")
                .param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("t", transferId).param("k", o.kind()).param("cp", counterparty)
                .param("s", o.start()).param("e", o.end()).param("a", "MORTGAGE".equals(o.kind()) ? o.amount() : null)
                .param("cs", o.consentSignedOn()).param("f", o.filedOn()).param("by", by).query(Long.class).single();
        audit.record(countyCode, "LAND_ONWARD_RECORDED", "land_transfer", String.valueOf(transferId),
                ("MORTGAGE".equals(o.kind()) ? "土地经营权融资担保：" : "再流转：") + counterparty + "，" + o.start() + " 至 " + o.end(),
                null, Map.of("kind", o.kind(), "consentSignedOn", o.consentSignedOn().toString(), "filedOn", o.filedOn().toString()));
        return id;
    }

    /**
     * Ends a transfer early (L13). The household alone may end it only on a legal ground; otherwise both agree.
     *
     * @param basis AGREEMENT, CHANGED_USE, ABANDONED, SERIOUS_DAMAGE or SERIOUS_BREACH
     * @param facts what happened (required): the agreement, or the facts of the ground
     * @param on    the last day of the transfer, within its term and not in the future
     * @throws InvalidInputException  naming {@code basis} (L13), {@code facts} or {@code on}
     * @throws Refusal 409 when it has ended early already
     */
    @Transactional
    public void terminate(String countyCode, long transferId, String basis, String facts, LocalDate on, String by) {
        Map<String, Object> t = transfer(countyCode, transferId);
        if (t.get("terminated_on") != null) {
            throw Refusal.conflict("该流转已于 " + t.get("terminated_on") + " 解除");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (basis == null || !TERMINATION_BASES.containsKey(basis)) {
            problems.add(new FieldProblem("basis", "L13（《农村土地承包法》第42条、《农村土地经营权流转管理办法》第20条）：承包方只有在受让方"
                    + "擅自改变土地农业用途、弃耕抛荒连续两年以上、给土地造成严重损害或者严重破坏土地生态环境、或有其他严重违约行为时"
                    + "才能单方解除；否则须双方协商一致"));
        }
        String text = TextInput.line("facts", "WITHDRAWN".equals(basis) ? "撤销原因" : "解除的事实和依据", facts, 1000, true, problems);
        LocalDate start = ((java.sql.Date) t.get("start_date")).toLocalDate();
        LocalDate end = ((java.sql.Date) t.get("end_date")).toLocalDate();
        if ("WITHDRAWN".equals(basis)) {
            if (signed(transferId)) {
                throw Refusal.conflict("合同已经双方确认，流转只能协商解除或依法定情形解除（L13），不能撤销");
            }
            on = start.minusDays(1);
        } else if ("AGREEMENT".equals(basis) && on != null && on.isBefore(start) && !on.isAfter(LocalDate.now(clock))) {
            on = start.minusDays(1); // agreed before the term began: it never takes effect
        } else if (on == null || on.isBefore(start) || !on.isBefore(end) || on.isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblem("on", "解除日期应在流转期限内（" + start + " 至 " + end + " 之前）且不晚于今天"));
        } else if ("ABANDONED".equals(basis) && on.isBefore(start.plusYears(2))) {
            problems.add(new FieldProblem("basis", "L13（《农村土地承包法》第42条）：流转自 " + start
                    + " 开始，到解除之日还不满两年，不能以弃耕抛荒连续两年以上为由解除"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                update land_transfer set status = 'TERMINATED', terminated_on = :on, termination_basis = :b,
                    termination_facts = :f where id = :id""")
                .param("on", on).param("b", basis).param("f", text).param("id", transferId).update();
        // the parcels are free from the next day; the history before stays
        jdbc.sql("update land_transfer_parcel set period = daterange(lower(period), cast(:on as date) + 1) where transfer_id = :t")
                .param("on", on).param("t", transferId).update();
        int onward = jdbc.sql("""
                update land_onward_dealing set ended_on = greatest(start_date, cast(:on as date))
                where transfer_id = :t and ended_on is null and end_date > :on""").param("on", on).param("t", transferId).update();
        jdbc.sql("""
                delete from land_rent_due d where d.transfer_id = :t and d.due_on > :on
                  and not exists (select 1 from land_rent_payment p where p.due_id = d.id)""")
                .param("t", transferId).param("on", on).update();
        audit.record(countyCode, "LAND_TRANSFER_TERMINATED", "land_transfer", String.valueOf(transferId),
                ("WITHDRAWN".equals(basis) ? "撤销流转记录" : "解除流转（" + TERMINATION_BASES.get(basis) + "），最后一日 " + on)
                        + (onward == 0 ? "" : "；" + onward + " 项再流转或融资担保随之终止，请通知相关方"), Map.of("status", "RECORDED"),
                Map.of("status", "TERMINATED", "basis", basis, "on", on.toString(), "onwardEnded", onward));
    }

    private boolean signed(long transferId) {
        return jdbc.sql("""
                select count(*) from land_transfer_contract where transfer_id = :t
                  and transferor_confirmed_at is not null and transferee_confirmed_at is not null""")
                .param("t", transferId).query(Long.class).single() > 0;
    }

    /**
     * Records the incumbent's answer to the priority to renew (L16). Renewing records a new transfer of the same
     * parcels and areas to the same transferee, from the day after the end, through all the checks of
     * {@link TransferService#record}.
     *
     * @param renew   whether the incumbent renews
     * @param end     for a renewal, the new last day
     * @param rent    for a renewal, the new rent in 元/亩/年 (the equal terms offered)
     * @return the renewal's transfer id, or {@code null} when declined
     * @throws InvalidInputException  as {@link TransferService#record} for the renewal
     * @throws Refusal 409 when an answer is recorded already or the transfer ended early
     */
    @Transactional
    public Long renewal(String countyCode, long transferId, boolean renew, LocalDate end, BigDecimal rent, String by) {
        Map<String, Object> t = transfer(countyCode, transferId);
        if (t.get("terminated_on") != null) {
            throw Refusal.conflict("L16：该流转已于 " + t.get("terminated_on") + " 解除，原受让方不再享有优先续约权");
        }
        if (jdbc.sql("select count(*) from land_renewal where transfer_id = :t").param("t", transferId).query(Long.class).single() > 0) {
            throw Refusal.conflict("L16：已登记原受让方的续约意见");
        }
        Long renewalId = null;
        if (renew) {
            List<TransferService.Share> shares = jdbc.sql("""
                    select p.code, tp.area_mu from land_transfer_parcel tp join land_parcel p on p.id = tp.parcel_id
                    where tp.transfer_id = :t order by p.code""").param("t", transferId)
                    .query((rs, n) -> new TransferService.Share(rs.getString(1), rs.getBigDecimal(2))).list();
            LocalDate from = ((java.sql.Date) t.get("end_date")).toLocalDate().plusDays(1);
            renewalId = transfers.record(countyCode, new TransferService.Draft((String) t.get("form"),
                    (String) t.get("transferee_name"), (String) t.get("transferee_kind"), from, end, (String) t.get("land_use"),
                    rent, shares), by).id();
        }
        jdbc.sql("""
                insert into land_renewal (county_code, transfer_id, decision, decided_on, renewal_id, recorded_by)
                values (:c, :t, :d, :on, :r, :by)""").param("c", countyCode).param("t", transferId)
                .param("d", renew ? "RENEWED" : "DECLINED").param("on", LocalDate.now(clock)).param("r", renewalId).param("by", by).update();
        audit.record(countyCode, renew ? "LAND_TRANSFER_RENEWED" : "LAND_RENEWAL_DECLINED", "land_transfer",
                String.valueOf(transferId), renew ? "原受让方续约（新流转 " + renewalId + "）" : "原受让方放弃优先续约", null,
                Map.of("decision", renew ? "RENEWED" : "DECLINED"));
        return renewalId;
    }

    /** @return the transfer's re-transfers and pledges, its renewal answer, and its early end, for its page */
    @Transactional(readOnly = true)
    public Map<String, Object> of(String countyCode, long transferId) {
        Map<String, Object> t = jdbc.sql("select * from land_transfer where id = :id and county_code = :c")
                .param("id", transferId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("流转", transferId));
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("terminatedOn", t.get("terminated_on") == null ? null : t.get("terminated_on").toString());
        out.put("terminationBasis", t.get("termination_basis") == null ? null : TERMINATION_BASES.get(t.get("termination_basis")));
        out.put("terminationFacts", t.get("termination_facts"));
        out.put("onward", jdbc.sql("""
                select id, kind, counterparty, start_date, end_date, ended_on, amount_yuan, consent_signed_on, filed_on
                from land_onward_dealing where transfer_id = :t order by id""").param("t", transferId)
                .query(org.ronghe.database.DateColumns.MAPPER).list());
        out.put("mandate", jdbc.sql("""
                select agent, matters, powers, valid_from, valid_until, households, household_signed_on, agent_signed_on
                from land_mandate where transfer_id = :t""").param("t", transferId)
                .query(org.ronghe.database.DateColumns.MAPPER).optional().orElse(null));
        out.put("withdrawn", "WITHDRAWN".equals(t.get("termination_basis")));
        out.put("renewal", jdbc.sql("select decision, decided_on, renewal_id from land_renewal where transfer_id = :t")
                .param("t", transferId).query(org.ronghe.database.DateColumns.MAPPER).optional().orElse(null));
        LocalDate start = ((java.sql.Date) t.get("start_date")).toLocalDate();
        LocalDate end = ((java.sql.Date) t.get("end_date")).toLocalDate();
        out.put("notices", TransferService.notices(start, end));
        return out;
    }

    private Map<String, Object> transfer(String countyCode, long transferId) {
        return jdbc.sql("select * from land_transfer where id = :id and county_code = :c for update")
                .param("id", transferId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("流转", transferId));
    }

}
