package org.ronghe.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

import org.springframework.jdbc.core.ColumnMapRowMapper;

/**
 * Maps a row to a column-name map as {@link ColumnMapRowMapper} does, but reads SQL {@code date} columns straight
 * into {@link LocalDate} (serialised as {@code yyyy-MM-dd}). This skips the driver's {@code java.sql.Date} path,
 * which goes through a {@code Calendar} for every value and showed up in the to-do list's profile; rows so mapped
 * serialise dates as {@code yyyy-MM-dd} and print them so in templates. Any module's queries may use it.
 */
public final class DateColumns extends ColumnMapRowMapper {

    /** The one instance (it holds no state). */
    public static final DateColumns MAPPER = new DateColumns();

    private DateColumns() {
    }

    @Override
    protected Object getColumnValue(ResultSet rs, int index) throws SQLException {
        if (rs.getMetaData().getColumnType(index) == Types.DATE) {
            return rs.getObject(index, LocalDate.class);
        }
        return super.getColumnValue(rs, index);
    }
}
