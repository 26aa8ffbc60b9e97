package org.ronghe.land;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.ronghe.problem.Refusal;
import org.ronghe.audit.AuditTrail;
import org.ronghe.notification.Notifications;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 租金收付: when a contract is signed its payment schedule is laid out — yearly (rent × area each contract year,
 * due on the year's first day), half-yearly (half of that every six months) or once (rent × area × the term in
 * years, months counted as twelfths, due on the first day) — amounts in 元, rounded to the fen. Each payment is kept
 * against its instalment, up to what is still open; what is paid is their sum, never stored. An instalment past its
 * day and not fully paid is overdue, and the daily job (07:30) tells the agriculture bureau once per overdue
 * instalment. Rent is paid to the household's own account (农村土地经营权流转管理办法 art. 7, rule L14).
 */
@Service
public class Rents {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final Clock clock;
    private final LandAccess access;

    Rents(JdbcClient jdbc, AuditTrail audit, Notifications notifications, LandAccess access, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.notifications = notifications;
        this.access = access;
    }

    /** Lays out the schedule of a transfer whose contract was just signed (once). */
    @Transactional
    public void schedule(String countyCode, long transferId) {
        if (jdbc.sql("select count(*) from land_rent_due where transfer_id = :t").param("t", transferId).query(Long.class).single() > 0) {
            return;
        }
        Map<String, Object> t = jdbc.sql("""
                select t.start_date, t.end_date, t.rent_yuan_per_mu, k.payment, k.rent_kind, k.kind_jin_per_mu,
                       k.adjust_every_years, k.adjust_percent,
                       (select sum(area_mu) from land_transfer_parcel where transfer_id = t.id) as area
                from land_transfer t join land_transfer_contract k on k.transfer_id = t.id where t.id = :t""")
                .param("t", transferId).query().singleRow();
        LocalDate start = ((java.sql.Date) t.get("start_date")).toLocalDate();
        LocalDate end = ((java.sql.Date) t.get("end_date")).toLocalDate();
        BigDecimal area = (BigDecimal) t.get("area");
        int seq = 0;
        switch ((String) t.get("payment")) {
            case "ONE_OFF" -> {
                long months = ChronoUnit.MONTHS.between(start, end.plusDays(1));
                insert(countyCode, transferId, ++seq, start, perMu(countyCode, t, start, start).multiply(area).multiply(BigDecimal.valueOf(months))
                        .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP));
            }
            case "SEMI_ANNUAL" -> {
                for (LocalDate d = start; !d.isAfter(end); d = d.plusMonths(6)) {
                    insert(countyCode, transferId, ++seq, d, perMu(countyCode, t, start, d).multiply(area)
                            .divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
                }
            }
            default -> {
                for (LocalDate d = start; !d.isAfter(end); d = d.plusYears(1)) {
                    insert(countyCode, transferId, ++seq, d, perMu(countyCode, t, start, d).multiply(area).setScale(2, RoundingMode.HALF_UP));
                }
            }
        }
    }

    /**
     * The rent of one 亩 for the contract year holding {@code day}: the transfer's 元/亩/年, or for rent in wheat the
     * 斤 × the state minimum purchase price of that year (the latest listed year until it is announced); raised by the
     * agreed percentage once per full adjustment period since {@code start}.
     */
    private BigDecimal perMu(String countyCode, Map<String, Object> t, LocalDate start, LocalDate day) {
        BigDecimal base = (BigDecimal) t.get("rent_yuan_per_mu");
        if ("WHEAT".equals(t.get("rent_kind"))) {
            Map<String, Object> price = wheatPrice(jdbc, countyCode, day.getYear());
            base = ((BigDecimal) t.get("kind_jin_per_mu")).multiply((BigDecimal) price.get("yuan_per_jin"));
        }
        if (t.get("adjust_every_years") != null) {
            long years = ChronoUnit.YEARS.between(start, day);
            int steps = (int) (years / ((Number) t.get("adjust_every_years")).intValue());
            BigDecimal factor = BigDecimal.ONE.add(((BigDecimal) t.get("adjust_percent")).movePointLeft(2)).pow(steps);
            base = base.multiply(factor);
        }
        return base;
    }

    /**
     * @param countyCode the county whose price list applies
     * @param year       the year of a payment
     * @return {@code year, yuan_per_jin, source} of the state minimum purchase price of wheat for that year, or the
     *         latest listed year before it; {@code null} when none is listed up to that year
     */
    static Map<String, Object> wheatPrice(JdbcClient jdbc, String countyCode, int year) {
        return jdbc.sql("""
                select year, yuan_per_jin, source from land_grain_price where county_code = :c and crop = 'WHEAT' and year <= :y
                order by year desc limit 1""").param("c", countyCode).param("y", year).query().listOfRows().stream().findFirst()
                .orElse(null);
    }

    private void insert(String countyCode, long transferId, int seq, LocalDate due, BigDecimal amount) {
        jdbc.sql("insert into land_rent_due (county_code, transfer_id, seq, due_on, amount_yuan) values (:c, :t, :s, :d, :a)")
                .param("c", countyCode).param("t", transferId).param("s", seq).param("d", due).param("a", amount).update();
    }

    /** Every instalment with what its payments add up to. */
    private static final String PAID = """
            with dues as (
                select d.*, coalesce(sum(p.amount_yuan), 0) as paid_yuan, max(p.paid_on) as last_paid_on
                from land_rent_due d left join land_rent_payment p on p.due_id = d.id
                group by d.id)
            """;

    /**
     * @return a transfer's instalments with what is paid and whether each is overdue
     * @throws NotFoundException for an unknown transfer
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> of(String countyCode, long transferId, LocalDate today) {
        if (jdbc.sql("select count(*) from land_transfer where id = :t and county_code = :c").param("t", transferId)
                .param("c", countyCode).query(Long.class).single() == 0) {
            throw new NotFoundException("流转", transferId);
        }
        return jdbc.sql(PAID + """
                select id, seq, due_on, amount_yuan, paid_yuan, last_paid_on,
                       (paid_yuan < amount_yuan and due_on < :today) as overdue
                from dues where transfer_id = :t and county_code = :c order by seq""")
                .param("t", transferId).param("c", countyCode).param("today", today)
                .query(org.ronghe.database.DateColumns.MAPPER).list();
    }

    /**
     * Records a payment against an instalment, paid to the account of one of the transfer's contracting households.
     *
     * @param payeeCode the 18-digit code of the household whose own account received it (L14)
     * @throws InvalidInputException  naming {@code amount} (more than 0, at most what is still due, two decimals),
     *                                {@code paidOn} (not in the future) or {@code payee} (L14: not a household of the
     *                                transfer, e.g. the village's account; 农村土地经营权流转管理办法 第7条)
     * @throws NotFoundException      for an unknown instalment of the transfer
     * @throws Refusal 409 when the instalment is paid in full
     */
    @Transactional
    public void pay(String countyCode, long transferId, long dueId, BigDecimal amount, LocalDate paidOn, String payeeCode,
                    String by) {
        // the instalment's row is locked first, so two payments of one instalment cannot both take what is open
        jdbc.sql("select id from land_rent_due where id = :id and transfer_id = :t and county_code = :c for update")
                .param("id", dueId).param("t", transferId).param("c", countyCode).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("租金期次", dueId));
        Map<String, Object> d = jdbc.sql(PAID + "select * from dues where id = :id").param("id", dueId).query().singleRow();
        BigDecimal open = ((BigDecimal) d.get("amount_yuan")).subtract((BigDecimal) d.get("paid_yuan"));
        if (open.signum() == 0) {
            throw org.ronghe.problem.Refusal.conflict("该期租金已付清");
        }
        if (amount == null || amount.signum() <= 0 || amount.compareTo(open) > 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("amount", "付款金额应大于 0、不超过本期未付的 " + open + " 元，最多两位小数");
        }
        LocalDate start = jdbc.sql("select start_date from land_transfer where id = :t").param("t", transferId)
                .query(LocalDate.class).single();
        if (paidOn == null) {
            throw new InvalidInputException("paidOn", "请填写付款日期");
        }
        if (paidOn.isAfter(LocalDate.now(clock)) || paidOn.isBefore(start.minusYears(1))) {
            throw new InvalidInputException("paidOn", "付款日期应在流转开始前一年（" + start.minusYears(1) + "）到今天之间");
        }
        Long payee = payeeCode == null ? null : jdbc.sql("""
                select distinct p.household_id from land_transfer_parcel tp join land_parcel p on p.id = tp.parcel_id
                join land_household h on h.id = p.household_id where tp.transfer_id = :t and h.code = :code""")
                .param("t", transferId).param("code", payeeCode.strip()).query(Long.class).optional().orElse(null);
        if (payee == null) {
            throw new InvalidInputException("payee", "L14（《农村土地经营权流转管理办法》第7条）：流转收益归承包方所有，租金应付到本宗流转"
                    + "所涉承包方本人的账户，请填写收款承包方的 18 位承包方编码（不能付到村集体等账户）");
        }
        jdbc.sql("""
                insert into land_rent_payment (county_code, due_id, amount_yuan, paid_on, recorded_by, payee_household_id,
                                               recorded_at)
                values (:c, :id, :a, :d, :by, :payee, :now)""").param("now", OffsetDateTime.now(clock)).param("payee", payee)
                .param("c", countyCode).param("id", dueId).param("a", amount).param("d", paidOn).param("by", by).update();
        audit.record(countyCode, "LAND_RENT_PAID", "land_transfer", String.valueOf(transferId),
                "第 " + d.get("seq") + " 期租金收付 " + amount + " 元（" + paidOn + "）", Map.of("paid", d.get("paid_yuan")),
                Map.of("paid", ((BigDecimal) d.get("paid_yuan")).add(amount)));
    }

    /** @return the households a transfer's rent may be paid to (L14): {@code code, head_name}, by code */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> payees(long transferId) {
        return jdbc.sql("""
                select distinct h.code, h.head_name from land_transfer_parcel tp join land_parcel p on p.id = tp.parcel_id
                join land_household h on h.id = p.household_id where tp.transfer_id = :t order by h.code""")
                .param("t", transferId).query().listOfRows();
    }

    @Scheduled(cron = "${ronghe.rent-watch.cron:0 30 7 * * *}", zone = "${ronghe.county.zone:Asia/Shanghai}")
    @Transactional // the scheduler calls this method, not run(): without it the run has no transaction
    void daily() {
        remindOverdue(LocalDate.now(clock));
    }

    /** @return how many new overdue-rent notices were sent to the agriculture bureau */
    @Transactional
    public int remindOverdue(LocalDate today) {
        int sent = 0;
        for (Map<String, Object> d : jdbc.sql(PAID + """
                select r.id, r.county_code, r.seq, r.due_on, r.amount_yuan - r.paid_yuan as open, t.transferee_name, r.transfer_id
                from dues r join land_transfer t on t.id = r.transfer_id
                where r.paid_yuan < r.amount_yuan and r.due_on < :today""").param("today", today).query().listOfRows()) {
            String county = (String) d.get("county_code");
            Long unit = access.bureau(county).orElse(null);
            if (unit != null && notifications.send(county, unit, null, "LAND_RENT_OVERDUE", "land_rent_due:" + d.get("id"),
                    "租金逾期：" + d.get("transferee_name") + " 第 " + d.get("seq") + " 期（应于 " + d.get("due_on") + " 支付）尚欠 "
                            + d.get("open") + " 元，请通知承包方、受让方和乡镇", "/land/transfers/" + d.get("transfer_id")).isPresent()) {
                sent++;
            }
        }
        return sent;
    }
}
