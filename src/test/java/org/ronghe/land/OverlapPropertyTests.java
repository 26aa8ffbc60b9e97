package org.ronghe.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;

/**
 * L18 in the database under random transfer sequences (jqwik): the project's migrations run on a real embedded
 * PostgreSQL of its own; each try registers a parcel of 10 亩 and inserts a random sequence of transfers of it (start,
 * length, area, some later ended). The database must accept exactly the transfers the model accepts — a live term
 * sharing no day with any accepted live term, and no more than the parcel's area — and refuse the others with the
 * exclusion constraint (23P01) or the area check (23514).
 */
class OverlapPropertyTests {

    static final LocalDate BASE = LocalDate.of(2026, 1, 1);
    static final AtomicLong SEQ = new AtomicLong();
    static EmbeddedPostgres pg;

    /** One attempted transfer: first day offset, days, area in hundredths of 亩, and whether it is live. */
    record Attempt(int start, int days, int areaCents, boolean live) {
    }

    @BeforeContainer
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    }

    @AfterContainer
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Provide
    Arbitrary<List<Attempt>> sequences() {
        Arbitrary<Attempt> one = Combinators.combine(Arbitraries.integers().between(0, 400), Arbitraries.integers().between(2, 200),
                Arbitraries.integers().between(1, 1200), Arbitraries.of(true, true, true, false)).as(Attempt::new);
        return one.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 150)
    void theDatabaseAcceptsExactlyTheTransfersTheModelAccepts(@ForAll("sequences") List<Attempt> attempts) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            long parcel = parcel(c);
            List<Period> accepted = new ArrayList<>();
            for (Attempt a : attempts) {
                Period term = new Period(BASE.plusDays(a.start()), BASE.plusDays(a.start() + a.days()));
                boolean fits = a.areaCents() <= 1000;
                boolean free = !a.live() || accepted.stream().noneMatch(term::overlaps);
                String refused = insert(c, parcel, term, a);
                if (fits && free) {
                    assertThat(refused).as("%s after %s", a, accepted).isNull();
                    if (a.live()) {
                        accepted.add(term);
                    }
                } else {
                    assertThat(refused).as("%s after %s", a, accepted).isEqualTo(fits ? "23P01" : "23514");
                }
            }
        }
    }

    /** @return the SQL state of the refusal, or {@code null} when the row went in */
    private static String insert(Connection c, long parcel, Period term, Attempt a) throws SQLException {
        long transfer;
        try (Statement s = c.createStatement()) {
            var rs = s.executeQuery("""
                    insert into land_transfer (county_code, form, transferee_name, transferee_kind, start_date, end_date,
                                               land_use, rent_yuan_per_mu, recorded_by, recorded_at)
                    values ('140581', 'LEASE', '受让方', 'COOPERATIVE', date '%s', date '%s', 'GRAIN', 600, 'property',
                            timestamptz '2027-03-01 09:00+08')
                    returning id""".formatted(term.start(), term.end().minusDays(1)));
            rs.next();
            transfer = rs.getLong(1);
        }
        try (PreparedStatement p = c.prepareStatement("""
                insert into land_transfer_parcel (transfer_id, parcel_id, county_code, area_mu, period, live)
                values (?, ?, '140581', ?, daterange(?, ?), ?)""")) {
            p.setLong(1, transfer);
            p.setLong(2, parcel);
            p.setBigDecimal(3, BigDecimal.valueOf(a.areaCents(), 2));
            p.setObject(4, term.start());
            p.setObject(5, term.end());
            p.setBoolean(6, a.live());
            p.executeUpdate();
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    /** Registers a fresh collective, household and 10-亩 parcel. */
    private static long parcel(Connection c) throws SQLException {
        long n = SEQ.incrementAndGet();
        String collective = "1405811012" + String.format("%04d", n % 10_000);
        try (Statement s = c.createStatement()) {
            var rs = s.executeQuery("""
                    with col as (insert into land_collective (county_code, code, name, village_code)
                                 values ('140581', '%1$s', '组', '%2$s') returning id),
                         hh as (insert into land_household (county_code, collective_id, code, head_name, head_id_cipher,
                                                            head_id_hash, members)
                                select '140581', id, '%1$s0001', '户主', '\\x00', repeat('0', 64), 1 from col returning id, collective_id)
                    insert into land_parcel (county_code, code, collective_id, household_id, name, area_mu, land_type)
                    select '140581', '%1$s00001', collective_id, id, '地', 10.00, 'CULTIVATED' from hh returning id"""
                    .formatted(collective, collective.substring(0, 12)));
            rs.next();
            return rs.getLong(1);
        }
    }
}
