package org.ronghe.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DepartmentTests {

    @Autowired
    DepartmentDirectory directory;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void letterheadAndSignatureNamesOfTheSeedLetterResolveToOneUnit() {
        Department letterhead = directory.resolve("140581", "高平市发展改革和科技局").orElseThrow();
        Department signature = directory.resolve("140581", "高平市发展和改革委员会").orElseThrow();
        Department withSuffix = directory.resolve("140581", "高平市发展改革和科技局文件").orElseThrow();
        Department spaced = directory.resolve("140581", " 高平市 发展和改革委员会 ").orElseThrow();
        assertThat(signature.id()).isEqualTo(letterhead.id());
        assertThat(withSuffix.id()).isEqualTo(letterhead.id());
        assertThat(spaced.id()).isEqualTo(letterhead.id());
        assertThat(letterhead.docCode()).isEqualTo("高发改");
        assertThat(directory.resolve("140581", "高平市不存在局")).isEmpty();
        assertThat(directory.resolve("999999", "高平市发展改革和科技局")).as("names resolve within a county").isEmpty();
    }

    @Test
    void theCountyHasItsBureausAndBothOffices() {
        assertThat(directory.list("140581")).extracting(Department::unitType)
                .contains(UnitType.GOVERNMENT_DEPARTMENT, UnitType.CPPCC_OFFICE, UnitType.SUPERVISION_OFFICE);
        assertThat(directory.list("140581")).extracting(Department::shortName)
                .contains("发改局", "农业农村局", "文旅局", "民政局", "卫健局", "住建局", "自然资源局", "交通运输局",
                        "教育局", "财政局", "人社局", "政协提案委", "督查室");
    }

    @Test
    void resolveApiIsPublicAndNamesMissingField() throws Exception {
        mvc.perform(get("/api/departments/resolve").param("name", "高平市发展和改革委员会"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("高平市发展改革和科技局"));
        mvc.perform(get("/api/departments/resolve"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(get("/api/departments/resolve").param("name", "无此单位"))
                .andExpect(status().isNotFound());
    }

    @Test
    void administratorEditsAUnitAndTheChangeIsAudited() throws Exception {
        Department edu = directory.resolve("140581", "高平市教育局").orElseThrow();
        String body = """
                {"name":"高平市教育局","shortName":"教育局","docCode":"高教","unitType":"GOVERNMENT_DEPARTMENT",
                 "active":true,"aliases":["市教育局","高平市教育和科技局"],"version":%d}""".formatted(edu.version());
        mvc.perform(put("/api/departments/" + edu.id()).contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(csrf()).with(user("demo-admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.aliases[0]").value("市教育局"))
                .andExpect(jsonPath("$.version").value(edu.version() + 1));
        assertThat(directory.resolve("140581", "高平市教育和科技局").orElseThrow().id()).isEqualTo(edu.id());

        var row = jdbc.sql("""
                select actor, actor_role, old_value ->> 'version' as old_version, new_value -> 'aliases' ->> 0 as alias
                from audit_event where action = 'DEPARTMENT_UPDATED' and entity_id = :id order by id desc limit 1""")
                .param("id", String.valueOf(edu.id())).query().singleRow();
        assertThat(row).containsEntry("actor", "demo-admin").containsEntry("actor_role", "ADMIN")
                .containsEntry("old_version", String.valueOf(edu.version())).containsEntry("alias", "市教育局");

        // the same stale version again: someone else's change would be overwritten, so 409
        mvc.perform(put("/api/departments/" + edu.id()).contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(csrf()).with(user("demo-admin").roles("ADMIN")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void invalidEditsAreRefusedNamingEachFieldAndWriteNothing() throws Exception {
        Department agri = directory.resolve("140581", "高平市农业农村局").orElseThrow();
        long auditBefore = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        String body = """
                {"name":"","shortName":"农业农村局","docCode":"高发改","unitType":"GOVERNMENT_DEPARTMENT",
                 "aliases":["高平市发展和改革委员会"],"version":%d}""".formatted(agri.version());
        mvc.perform(put("/api/departments/" + agri.id()).contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(csrf()).with(user("demo-admin").roles("ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'docCode')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'aliases')]").exists());
        assertThat(directory.find(agri.id()).orElseThrow()).isEqualTo(agri);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(auditBefore);
    }

    @Test
    void unreadableJsonIsA400NamingTheField() throws Exception {
        long id = directory.resolve("140581", "高平市财政局").orElseThrow().id();
        mvc.perform(put("/api/departments/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitType\":\"NO_SUCH_TYPE\"}").with(csrf()).with(user("a").roles("ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("unitType"));
        mvc.perform(put("/api/departments/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content("{not json").with(csrf()).with(user("a").roles("ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("输入有误"));
        mvc.perform(put("/api/departments/abc").contentType(MediaType.APPLICATION_JSON)
                        .content("{}").with(csrf()).with(user("a").roles("ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("应为整数")));
    }

    @Test
    void namesAreCleanedAndFoldedSoLookAlikesCannotCoexist(@Autowired DepartmentService service) {
        Department fullWidth = service.create("140581", new DepartmentForm("\u200f高平市ＡＢＣ局\ufeff", "ＡＢＣ局", "高ＡＢＣ",
                UnitType.OTHER, true, java.util.List.of("A\u200bB\u200bC局"), null));
        assertThat(fullWidth.name()).isEqualTo("高平市ＡＢＣ局");
        assertThat(fullWidth.docCode()).as("机关代字 folded to half-width").isEqualTo("高ABC");
        assertThat(directory.resolve("140581", "高平市ＡＢＣ局").orElseThrow().id()).isEqualTo(fullWidth.id());
        assertThat(directory.resolve("140581", "高平市ABC局").orElseThrow().id()).isEqualTo(fullWidth.id());
        assertThat(directory.resolve("140581", "ABC局").orElseThrow().id()).isEqualTo(fullWidth.id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.create("140581", new DepartmentForm(
                        "高平市ABC局", "x", "高ABC2", UnitType.OTHER, true, java.util.List.of(), null)))
                .isInstanceOfSatisfying(org.ronghe.problem.InvalidInputException.class,
                        e -> assertThat(e.byField()).containsKey("name"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.create("140581", new DepartmentForm(
                        "坏\u0000名局", "\u200b", "高\n坏", UnitType.OTHER, true, java.util.List.of("a\tb"), null)))
                .isInstanceOfSatisfying(org.ronghe.problem.InvalidInputException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("name", "shortName", "docCode", "aliases"));
    }

    @Test
    void theDatabaseRefusesANameThatIsAlreadyAnotherUnitsAlias(@Autowired DepartmentService service) {
        Department a = service.create("140581", new DepartmentForm("竞态甲局", "甲", "竞甲", UnitType.OTHER, true,
                java.util.List.of(), null));
        Department b = service.create("140581", new DepartmentForm("竞态乙局", "乙", "竞乙", UnitType.OTHER, true,
                java.util.List.of(), null));
        // what a concurrent edit that slipped past validation would write: refused by the unique index
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "insert into department_alias (county_code, department_id, alias) values ('140581', :b, '竞态甲局')")
                        .param("b", b.id()).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(directory.resolve("140581", "竞态甲局").orElseThrow().id()).isEqualTo(a.id());
    }

    @Test
    void aPutMustCarryEveryFieldSoNothingIsResetByOmission() throws Exception {
        Department civil = directory.resolve("140581", "高平市民政局").orElseThrow();
        mvc.perform(put("/api/departments/" + civil.id()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"高平市民政局\",\"shortName\":\"民政局\",\"docCode\":\"高民\","
                                + "\"unitType\":\"GOVERNMENT_DEPARTMENT\"}")
                        .with(csrf()).with(user("a").roles("ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'version')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'active')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'aliases')]").exists());
        assertThat(directory.find(civil.id()).orElseThrow()).isEqualTo(civil);
    }

    @Test
    void theEditFormKeepsAliasesThatContainPunctuation(@Autowired DepartmentService service) throws Exception {
        Department d = service.create("140581", new DepartmentForm("高平市标点局", "标点局", "高标点", UnitType.OTHER, true,
                java.util.List.of("甲局,乙局", "丙局、丁局"), null));
        mvc.perform(post("/admin/departments/" + d.id()).param("name", d.name()).param("shortName", d.shortName())
                        .param("docCode", d.docCode()).param("unitType", "OTHER").param("active", "true")
                        .param("aliases", String.join("\n", d.aliases())).param("version", String.valueOf(d.version()))
                        .with(csrf()).with(user("a").roles("ADMIN")))
                .andExpect(status().is3xxRedirection());
        assertThat(directory.find(d.id()).orElseThrow().aliases()).containsExactlyInAnyOrder("甲局,乙局", "丙局、丁局");
        assertThat(directory.find(d.id()).orElseThrow().version()).as("nothing changed, nothing written")
                .isEqualTo(d.version());
    }

    @Test
    void onlyAdministratorsEdit() throws Exception {
        Department agri = directory.resolve("140581", "高平市农业农村局").orElseThrow();
        mvc.perform(put("/api/departments/" + agri.id()).contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(csrf()).with(user("demo-unit").roles("UNIT_STAFF")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/admin/departments").param("name", "x").with(csrf()).with(user("l").roles("LEADER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void webFormShowsChineseFieldErrors() throws Exception {
        mvc.perform(post("/admin/departments").param("name", "高平市审计局").param("shortName", "")
                        .param("docCode", "高审").param("unitType", "GOVERNMENT_DEPARTMENT")
                        .with(csrf()).with(user("demo-admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("简称不能为空")));
        assertThat(directory.resolve("140581", "高平市审计局")).isEmpty();
    }
}
