package org.ronghe.tenancy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days for deadlines counted in working days (退回期限, 征询意见期限, 公开期限): Monday to Friday, minus the
 * statutory holidays, plus the weekend days worked instead (调休上班), as stored in {@code work_calendar} (the State
 * Council's yearly notice on public holidays, entered as data).
 */
@Service
@Transactional(readOnly = true)
public class WorkCalendar {

    private final JdbcClient jdbc;

    WorkCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param countyCode 6-digit county code
     * @param from       the starting day (not counted)
     * @param days       working days to add, at least 1
     * @return the day on which {@code days} working days after {@code from} have passed
     */
    public LocalDate addWorkingDays(String countyCode, LocalDate from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be positive: " + days);
        }
        Map<LocalDate, String> exceptions = exceptions(countyCode, from, from.plusDays(days * 3L + 60));
        LocalDate d = from;
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (isWorkingDay(d, exceptions)) {
                counted++;
            }
        }
        return d;
    }

    /**
     * @param countyCode 6-digit county code
     * @param day        a day
     * @return whether it is a working day
     */
    public boolean isWorkingDay(String countyCode, LocalDate day) {
        return isWorkingDay(day, exceptions(countyCode, day, day));
    }

    private static boolean isWorkingDay(LocalDate d, Map<LocalDate, String> exceptions) {
        String kind = exceptions.get(d);
        if (kind != null) {
            return kind.equals("WORKDAY");
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private Map<LocalDate, String> exceptions(String countyCode, LocalDate from, LocalDate to) {
        Map<LocalDate, String> map = new HashMap<>();
        jdbc.sql("select day, kind from work_calendar where county_code = :c and day between :a and :b")
                .param("c", countyCode).param("a", from).param("b", to)
                .query((rs, i) -> map.put(rs.getObject("day", LocalDate.class), rs.getString("kind"))).list();
        return map;
    }
}
