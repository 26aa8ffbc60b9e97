package org.ronghe.land;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 流转统计, computed from the registry and the recorded transfers on each request:
 * <ul>
 * <li>transferred area (亩) and its share of the registered contracted area, by township and by village, counting the
 * transfers live on a given day;</li>
 * <li>the same live area by form, by transferee type and by use (grain or not);</li>
 * <li>rents (元/亩/年) of transfers by township, land type and start year: count, median and quartiles
 * (PostgreSQL {@code percentile_cont}, linear interpolation), each transfer weighted once per parcel it covers.</li>
 * </ul>
 * No public rent levels exist for Gaoping (../shared/domain/land.md), so these are the county's own figures.
 */
@Service
public class LandStatistics {

    private final JdbcClient jdbc;

    LandStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param countyCode 6-digit county code
     * @param on         the day whose live transfers count
     * @return rows {@code township, registered, transferred, share} (亩, 亩, %) by township, largest share first
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> byTownship(String countyCode, LocalDate on) {
        return byArea(countyCode, on, "substr(c.village_code, 1, 9)");
    }

    /** @return the same by village (12-digit village code) */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> byVillage(String countyCode, LocalDate on) {
        return byArea(countyCode, on, "c.village_code");
    }

    private List<Map<String, Object>> byArea(String countyCode, LocalDate on, String key) {
        return jdbc.sql("""
                with live as (
                    select tp.parcel_id, sum(tp.area_mu) as area from land_transfer_parcel tp
                    join land_transfer t on t.id = tp.transfer_id
                    where tp.county_code = :c and tp.live and tp.period @> cast(:on as date)
                    group by tp.parcel_id)
                select\s""" + key + """
                        as unit, sum(p.area_mu) as registered, coalesce(sum(l.area), 0) as transferred,
                       round(coalesce(sum(l.area), 0) * 100 / sum(p.area_mu), 2) as share
                from land_parcel p join land_collective c on c.id = p.collective_id left join live l on l.parcel_id = p.id
                where p.county_code = :c and p.land_type not in ('FOREST', 'GRASS')
                group by 1 order by share desc, unit""")
                .param("c", countyCode).param("on", on).query().listOfRows();
    }

    /**
     * @param dimension {@code form}, {@code transferee} or {@code use}
     * @return rows {@code key, transfers, area} (area in 亩) of the transfers live on {@code on}
     * @throws IllegalArgumentException for another dimension
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> live(String countyCode, LocalDate on, String dimension) {
        String key = switch (dimension) {
            case "form" -> "t.form";
            case "transferee" -> "t.transferee_kind";
            case "use" -> "case when t.land_use = 'GRAIN' then 'GRAIN' else 'NON_GRAIN' end";
            default -> throw new IllegalArgumentException(dimension);
        };
        return jdbc.sql("select " + key + """
                 as key, count(distinct t.id) as transfers, sum(tp.area_mu) as area
                from land_transfer t join land_transfer_parcel tp on tp.transfer_id = t.id
                where t.county_code = :c and tp.live and tp.period @> cast(:on as date)
                group by 1 order by area desc""").param("c", countyCode).param("on", on).query().listOfRows();
    }

    /**
     * @return rows {@code township, land_type, year, transfers, p25, median, p75} (元/亩/年), by township, type and
     *         start year
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> rents(String countyCode) {
        return jdbc.sql("""
                select substr(c.village_code, 1, 9) as township, p.land_type, extract(year from t.start_date)::int as year,
                       count(*) as transfers,
                       round(cast(percentile_cont(0.25) within group (order by t.rent_yuan_per_mu) as numeric), 2) as p25,
                       round(cast(percentile_cont(0.5) within group (order by t.rent_yuan_per_mu) as numeric), 2) as median,
                       round(cast(percentile_cont(0.75) within group (order by t.rent_yuan_per_mu) as numeric), 2) as p75
                from land_transfer t join land_transfer_parcel tp on tp.transfer_id = t.id
                join land_parcel p on p.id = tp.parcel_id join land_collective c on c.id = p.collective_id
                where t.county_code = :c and t.filed_at is not null
                group by 1, 2, 3 order by 1, 2, 3""").param("c", countyCode).query().listOfRows();
    }
}
