package org.ronghe.land;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.problem.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a matched pair — an open demand and an open supply listing — into a recorded transfer: the supply's parcels
 * (whole), its form, the demand's transferee and use, a term of the shorter of the two listings' years from the agreed
 * first day, and the agreed rent, which is not below the household's minimum. The transfer then goes through every
 * check of {@link TransferService#record}; the supply closes with it, and so does the demand.
 */
@Service
public class MatchedTransfers {

    private final JdbcClient jdbc;
    private final TransferService transfers;
    private final Listings listings;
    private final Clock clock;

    MatchedTransfers(JdbcClient jdbc, TransferService transfers, Listings listings, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.transfers = transfers;
        this.listings = listings;
    }

    /**
     * @param start      the agreed first day
     * @param rent       the agreed rent in 元/亩/年, at least the supply's minimum
     * @param memberCode the transferee's own 承包方编码 when it is a member of the collective (L11), or {@code null}
     * @return the recorded transfer
     * @throws InvalidInputException  naming {@code start} or {@code rent}, or as {@link TransferService#record}
     * @throws NotFoundException      for an unknown demand or supply
     * @throws Refusal 409 when either listing is no longer open, the supply is not among the demand's
     *                                matches, or (L18) the land is taken
     */
    @Transactional
    public TransferService.Outcome record(String countyCode, long demandId, long supplyId, LocalDate start, BigDecimal rent,
                                          String memberCode, String by) {
        Map<String, Object> d = jdbc.sql("select * from land_demand where id = :id and county_code = :c for update")
                .param("id", demandId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("需求", demandId));
        Map<String, Object> s = jdbc.sql("select * from land_supply where id = :id and county_code = :c for update")
                .param("id", supplyId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("供给", supplyId));
        if (!"OPEN".equals(d.get("status")) || !"OPEN".equals(s.get("status"))) {
            throw Refusal.conflict("需求或供给已不再开放（可能已成交）");
        }
        if (listings.match(countyCode, demandId).stream().noneMatch(m -> m.supplyId() == supplyId)) {
            throw Refusal.conflict("该供给与需求不相符（乡镇、地类、面积或用途不合，或违反永久基本农田用途限制），不能按匹配记录流转");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (start == null) {
            problems.add(new FieldProblem("start", "请填写流转起始日期"));
        }
        BigDecimal minimum = (BigDecimal) s.get("min_rent");
        if (rent == null || rent.compareTo(minimum) < 0) {
            problems.add(new FieldProblem("rent", "租金不得低于承包方的最低要价 " + minimum + " 元/亩/年"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int years = Math.min((Integer) d.get("term_years"), (Integer) s.get("term_years"));
        List<TransferService.Share> shares = jdbc.sql("""
                select p.code, p.area_mu from land_supply_parcel sp join land_parcel p on p.id = sp.parcel_id
                where sp.supply_id = :s order by p.code""").param("s", supplyId)
                .query((rs, n) -> new TransferService.Share(rs.getString(1), rs.getBigDecimal(2))).list();
        TransferService.Outcome outcome = transfers.record(countyCode, new TransferService.Draft((String) s.get("form"),
                (String) d.get("transferee_name"), (String) d.get("transferee_kind"), start, start.plusYears(years).minusDays(1),
                (String) d.get("land_use"), rent, shares, memberCode == null || memberCode.isBlank() ? null : memberCode.strip()), by);
        jdbc.sql("update land_demand set status = 'CLOSED', closed_at = :now where id = :id").param("now", OffsetDateTime.now(clock))
                .param("id", demandId).update();
        return outcome;
    }
}
