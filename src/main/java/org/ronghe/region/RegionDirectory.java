package org.ronghe.region;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the administrative units of all counties served by this deployment. */
@Service
@Transactional(readOnly = true)
public class RegionDirectory {

    private static final String COLUMNS = "code, county_code, name, level, parent_code";

    private final JdbcClient jdbc;

    RegionDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param code 12-digit division code
     * @return the unit, or empty if no unit has this code
     */
    public Optional<Region> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from region where code = :code")
                .param("code", code).query(Region.class).optional();
    }

    /**
     * @param code 12-digit code of a unit
     * @return its direct subordinate units ordered by code (empty for villages and unknown codes)
     */
    public List<Region> children(String code) {
        return jdbc.sql("select " + COLUMNS + " from region where parent_code = :code and code <> :code order by code")
                .param("code", code).query(Region.class).list();
    }

    /** @return all counties, ordered by code */
    public List<Region> counties() {
        return jdbc.sql("select " + COLUMNS + " from region where level = 'COUNTY' order by code")
                .query(Region.class).list();
    }

    /**
     * @param countyCode 6-digit county code
     * @param level      level to count
     * @return number of units of that level in the county
     */
    public long count(String countyCode, RegionLevel level) {
        return jdbc.sql("select count(*) from region where county_code = :county and level = :level")
                .param("county", countyCode).param("level", level.name()).query(Long.class).single();
    }
}
