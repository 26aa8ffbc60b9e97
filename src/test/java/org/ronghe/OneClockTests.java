package org.ronghe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * One clock: main and test code take "today" and "now" from the injected county {@link Clock}, never from the
 * machine (whose zone and date may differ from the county's: a server on UTC is still on yesterday until 08:00 in
 * China). Only the county clock's own configuration and the tests' {@link TestClock} build clocks on the system's.
 */
class OneClockTests {

    private static final Set<String> TIME_TYPES = Set.of("java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.LocalTime", "java.time.Instant", "java.time.OffsetDateTime", "java.time.OffsetTime",
            "java.time.ZonedDateTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    /** Calls that read the machine's clock instead of the county's. */
    static final DescribedPredicate<JavaCall<?>> MACHINE_CLOCK = new DescribedPredicate<>(
            "read the machine's clock (X.now() without a Clock, Clock.system*(), System.currentTimeMillis(), "
                    + "new Date(), Calendar.getInstance())") {
        @Override
        public boolean test(JavaCall<?> call) {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            List<String> params = call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList();
            return TIME_TYPES.contains(owner) && name.equals("now") && !params.equals(List.of("java.time.Clock"))
                    || owner.equals("java.time.Clock") && name.startsWith("system")
                    || owner.equals("java.lang.System") && name.equals("currentTimeMillis")
                    || owner.equals("java.util.Date") && name.equals("<init>") && params.isEmpty()
                    || owner.equals("java.util.Calendar") && name.equals("getInstance");
        }
    };

    /** The rule, for every class but the two that make clocks (and this test's own example of a violation). */
    static ArchRule rule() {
        return noClasses()
                .that().doNotHaveFullyQualifiedName("org.ronghe.tenancy.CountyClockConfiguration")
                .and().doNotHaveFullyQualifiedName(TestClock.class.getName())
                .and().doNotHaveFullyQualifiedName(MachineClockReader.class.getName())
                .should().callCodeUnitWhere(MACHINE_CLOCK)
                .because("the platform's day is the county's: take it from the injected java.time.Clock "
                        + "(LocalDate.now(clock)), so the build passes at any hour in any machine time zone");
    }

    @Test
    void mainAndTestCodeTakeTheTimeFromTheCountyClock() {
        JavaClasses all = new ClassFileImporter().importPackages("org.ronghe");
        assertThat(all.contain("org.ronghe.tenancy.CountyClockConfiguration")).isTrue();
        assertThat(all.contain(OneClockTests.class)).isTrue(); // test code is checked too
        rule().check(all);
    }

    @Test
    void theRuleCatchesACallOfNowWithoutTheClock() {
        JavaClasses example = new ClassFileImporter().importClasses(MachineClockReader.class);
        ArchRule strict = noClasses().should().callCodeUnitWhere(MACHINE_CLOCK);
        assertThatThrownBy(() -> strict.check(example)).hasMessageContaining("LocalDate.now()")
                .hasMessageContaining("Clock.systemUTC()");
    }

    /** SQL in main code does not ask the database server for the date or time either. */
    @Test
    void sqlTakesTheDayAndTimeAsParameters() throws IOException {
        Pattern serverClock = Pattern.compile("(?i)\\b(now\\(\\)|current_date|current_timestamp|localtimestamp|"
                + "clock_timestamp\\(\\)|statement_timestamp\\(\\)|transaction_timestamp\\(\\))");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    boolean comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
                    if (!comment && serverClock.matcher(line.replaceAll("\\w+\\.now\\(", "")).find()) {
                        found.add(file + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertThat(found).as("SQL that reads the server's clock; pass the county clock's day or instant").isEmpty();
    }

    /** An example of what the rule forbids. */
    static final class MachineClockReader {
        LocalDate today() {
            return LocalDate.now();
        }

        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
