package org.ronghe.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Region import: good files land whole, bad files are refused whole with line numbers. Test county 149901/149902 (synthetic codes, not real units). */
@IntegrationTest
class RegionImporterTests {

    static final String HEADER = "code,name,level,parent_code\n";

    @Autowired
    RegionImporter importer;
    @Autowired
    RegionDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void importsAGoodCountyFileAndReimportsIdempotently() {
        String csv = "# test county\n" + HEADER
                + "149901000000,测试县,county,149900000000\n"
                + "149901100000,甲镇,township,149901000000\n"
                + "149901100200,一村委会,village,149901100000\n"
                + "149901100201,二村委会,village,149901100000\n";
        RegionImportResult first = importer.importCsv(utf8(csv), "test");
        assertThat(first).isEqualTo(new RegionImportResult("149901", "测试县", 1, 2, 4, 0));
        assertThat(directory.children("149901100000")).extracting(Region::name).containsExactly("一村委会", "二村委会");
        assertThat(directory.find("149901100201").orElseThrow().countyCode()).isEqualTo("149901");

        RegionImportResult again = importer.importCsv(utf8(csv.replace("二村委会", "二村")), "test");
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(4);
        assertThat(directory.find("149901100201").orElseThrow().name()).isEqualTo("二村");
        assertThat(auditRows("149901")).isEqualTo(2);
    }

    @Test
    void refusesTheWholeFileAndNamesEveryBadLine() {
        String csv = HEADER                                           // line 1
                + "149902000000,坏县,county,149900000000\n"          // 2 ok
                + "149902100000,乙镇,township,149902000000\n"         // 3 ok
                + "14990210020,短码村,village,149902100000\n"         // 4 code not 12 digits
                + "149902100201,层级错村,township,149902100000\n"      // 5 level contradicts code
                + "149902100202,前缀错村,village,149902200000\n"       // 6 parent prefix wrong
                + "149902100203,,village,149902100000\n"              // 7 empty name
                + "149902100204,未知层级,hamlet,149902100000\n"        // 8 unknown level
                + "149902300200,无上级村,village,149902300000\n"       // 9 parent township missing
                + "149902100205,重复村,village,149902100000\n"         // 10 ok
                + "149902100205,重复村,village,149902100000\n"         // 11 duplicate of 10
                + "149903100206,他县村,village,149903100000\n";        // 12 other county
        assertThatThrownBy(() -> importer.importCsv(utf8(csv), "test"))
                .isInstanceOfSatisfying(RegionImportException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::line, ImportProblem::field)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(4L, "code"),
                                org.assertj.core.groups.Tuple.tuple(5L, "level"),
                                org.assertj.core.groups.Tuple.tuple(6L, "parent_code"),
                                org.assertj.core.groups.Tuple.tuple(7L, "name"),
                                org.assertj.core.groups.Tuple.tuple(8L, "level"),
                                org.assertj.core.groups.Tuple.tuple(9L, "parent_code"),
                                org.assertj.core.groups.Tuple.tuple(11L, "code"),
                                org.assertj.core.groups.Tuple.tuple(12L, "code")));
        assertThat(jdbc.sql("select count(*) from region where county_code = '149902'").query(Long.class).single())
                .as("nothing of a refused file is written").isZero();
        assertThat(auditRows("149902")).isZero();
    }

    @Test
    void refusesBadHeadersColumnCountsEncodingAndEmptyFiles() {
        assertProblem("code,name,level\n149904000000,县,county\n", 1, "表头");
        assertProblem(HEADER + "149904000000,县,county,149900000000,extra\n", 2, "4列");
        assertProblem("", 0, "空");
        assertProblem(HEADER, 0, "没有数据行");
        byte[] gbk = (HEADER + "149904000000,测试县,county,149900000000\n").getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> importer.importCsv(new ByteArrayInputStream(gbk), "test"))
                .isInstanceOfSatisfying(RegionImportException.class,
                        e -> assertThat(e.problems().get(0).message()).contains("UTF-8"));
    }

    @Test
    void refusesPrefectureAndAllZeroCodesAsCountiesAndUnclosedQuotes() {
        assertProblem(HEADER + "140500000000,晋城市,county,140500000000\n", 2, "不是县级");
        assertProblem(HEADER + "000000000000,全国,county,000000000000\n", 2, "不是县级");
        assertProblem(HEADER + "149907000000,县,county,149900000000\n\"149907100000,未闭合,township,149907000000\n", 3,
                "引号");
        assertProblem(HEADER + "149907000000,县\u0001名,county,149900000000\n", 2, "控制字符");
    }

    @Test
    void keepsALongSourceNameWithinItsColumn() {
        String csv = HEADER + "149908000000,长名县,county,149900000000\n";
        assertThat(importer.importCsv(utf8(csv), "导入文件 " + "a".repeat(300) + ".csv").townships()).isZero();
        assertThat(jdbc.sql("select length(source) from region where code = '149908000000'").query(Integer.class)
                .single()).isLessThanOrEqualTo(200);
    }

    @Test
    void acceptsAByteOrderMarkAndCommentsBetweenRows() {
        String csv = "\uFEFF" + HEADER + "149905000000,带BOM县,county,149900000000\n# a comment\n"
                + "149905100000,丙镇,township,149905000000\n";
        assertThat(importer.importCsv(utf8(csv), "test").townships()).isEqualTo(1);
    }

    @Test
    void apiImportIsForAdministratorsAndReportsLinesAsProblemJson() throws Exception {
        MockMultipartFile bad = new MockMultipartFile("file", "bad.csv", "text/csv",
                (HEADER + "149906000000,县,county,149900000000\n149906100000,镇,village,149906000000\n")
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/regions/import").file(bad).with(csrf()).with(user("u").roles("UNIT_STAFF")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/regions/import").file(bad).with(csrf()).with(user("a").roles("ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("level"));
        MockMultipartFile good = new MockMultipartFile("file", "good.csv", "text/csv",
                (HEADER + "149906000000,县,county,149900000000\n149906100000,镇,township,149906000000\n")
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/regions/import").file(good).with(csrf()).with(user("a").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.townships").value(1));
    }

    private void assertProblem(String csv, long line, String messagePart) {
        assertThatThrownBy(() -> importer.importCsv(utf8(csv), "test"))
                .isInstanceOfSatisfying(RegionImportException.class, e -> {
                    assertThat(e.problems().get(0).line()).isEqualTo(line);
                    assertThat(e.problems().get(0).message()).contains(messagePart);
                });
    }

    private long auditRows(String county) {
        return jdbc.sql("select count(*) from audit_event where entity_id = :c and action = 'REGION_IMPORTED'")
                .param("c", county + "000000").query(Long.class).single();
    }

    private static ByteArrayInputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
