package org.ronghe.department;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ronghe.problem.TextInput;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to departments, including resolution of any name a unit goes by. */
@Service
@Transactional(readOnly = true)
public class DepartmentDirectory {

    private static final String SELECT = """
            select d.id, d.county_code, d.name, d.short_name, d.doc_code, d.unit_type, d.active, d.version,
                   coalesce(array_agg(a.alias order by a.alias) filter (where a.alias is not null and not a.official),
                            '{}') as aliases
            from department d left join department_alias a on a.department_id = d.id
            """;
    private static final String GROUP = " group by d.id";

    private static final RowMapper<Department> MAPPER = DepartmentDirectory::map;

    private final JdbcClient jdbc;

    DepartmentDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param countyCode 6-digit county code
     * @return the county's units: government departments first, then offices, each by name
     */
    public List<Department> list(String countyCode) {
        return jdbc.sql(SELECT + " where d.county_code = :county" + GROUP
                        + " order by d.unit_type <> 'GOVERNMENT_DEPARTMENT', d.unit_type, d.id")
                .param("county", countyCode).query(MAPPER).list();
    }

    /**
     * @param id department id
     * @return the unit, or empty
     */
    public Optional<Department> find(long id) {
        return jdbc.sql(SELECT + " where d.id = :id" + GROUP).param("id", id).query(MAPPER).optional();
    }

    /**
     * Resolves a name as printed in a document (official name, alias, letterhead text without {@code 文件})
     * to its unit.
     *
     * @param countyCode 6-digit county code
     * @param name       name as printed; whitespace and full-width forms are ignored
     * @return the unit, or empty if no unit of the county goes by this name
     */
    public Optional<Department> resolve(String countyCode, String name) {
        String folded = TextInput.fold(name);
        if (folded.endsWith("文件") && folded.length() > 2) {
            Optional<Department> withoutSuffix = resolveExact(countyCode, folded.substring(0, folded.length() - 2));
            if (withoutSuffix.isPresent()) {
                return withoutSuffix;
            }
        }
        return resolveExact(countyCode, folded);
    }

    private Optional<Department> resolveExact(String countyCode, String folded) {
        if (folded.isEmpty() || folded.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        // names and aliases share one unique index (county_code, alias): at most one unit answers
        return jdbc.sql(SELECT + """
                         where d.id = (select x.department_id from department_alias x
                                       where x.county_code = :county and x.alias = :name)""" + GROUP)
                .param("county", countyCode).param("name", folded).query(MAPPER).optional();
    }

    private static Department map(ResultSet rs, int row) throws SQLException {
        Array aliases = rs.getArray("aliases");
        List<String> list = aliases == null ? List.of() : Arrays.asList((String[]) aliases.getArray());
        return new Department(rs.getLong("id"), rs.getString("county_code"), rs.getString("name"),
                rs.getString("short_name"), rs.getString("doc_code"), UnitType.valueOf(rs.getString("unit_type")),
                rs.getBoolean("active"), rs.getInt("version"), List.copyOf(list));
    }
}
