package org.ronghe.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.ronghe.IntegrationTest;
import org.ronghe.account.CurrentUser;
import org.ronghe.account.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The land registry: 确权 data import (all or nothing), codes and ID checks, encryption at rest, masking. */
@IntegrationTest
class LandRegistryTests {

    /** 良户村委会 (原村乡), group 01. */
    static final String COLLECTIVE = "14058120322301";
    static final String HEADER = String.join(",", LandRegistry.HEADERS);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    CurrentUser u(String name) {
        return accounts.find(name).orElseThrow();
    }

    static String id(String body17) {
        return body17 + IdentityNumbers.idCheck(body17);
    }

    ResultActions upload(String who, String csv) throws Exception {
        return mvc.perform(multipart("/api/land/import").file(new MockMultipartFile("file", "quequan.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(user(u(who))));
    }

    long parcels() {
        return jdbc.sql("select count(*) from land_parcel").query(Long.class).single();
    }

    String validFile(String group) {
        String c = COLLECTIVE.substring(0, 12) + group;
        String head1 = id("14058119650312101");
        String head2 = id("14058119720801202");
        return HEADER + "\n"
                + c + ",良户村第" + group + "组," + c + "0001,张三," + head1 + ",4,HT" + group + "001,1998-10-01,2028-09-30,否,"
                + c + "00001,河东地,3.25,耕地,是,李四地,渠,路,沟\n"
                + c + ",良户村第" + group + "组," + c + "0001,张三," + head1 + ",4,HT" + group + "001,1998-10-01,2028-09-30,否,"
                + c + "00002,后坡地,1.80,园地,否,山,路,王五地,坡\n"
                + c + ",良户村第" + group + "组," + c + "0002,李四," + head2 + ",3,HT" + group + "002,1998-10-01,2058-09-30,是,"
                + c + "00003,西沟地,5.00,耕地,否,沟,张三地,路,河\n";
    }

    @Test
    void theAgricultureBureauImportsAFileAndIdNumbersAreEncryptedAndMasked() throws Exception {
        upload("demo-unit", validFile("01")).andExpect(status().isForbidden());
        upload("demo-unit-agri", validFile("01")).andExpect(status().isOk())
                .andExpect(jsonPath("$.collectives").value(1)).andExpect(jsonPath("$.households").value(2))
                .andExpect(jsonPath("$.parcels").value(3));
        String head1 = id("14058119650312101");
        byte[] stored = jdbc.sql("select head_id_cipher from land_household where code = :c")
                .param("c", COLLECTIVE + "0001").query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(head1);
        mvc.perform(get("/api/land/parcels/" + COLLECTIVE + "00001").with(user(u("demo-unit-agri"))))
                .andExpect(jsonPath("$.head_id").value(head1))
                .andExpect(jsonPath("$.area_mu").value(3.25))
                .andExpect(jsonPath("$.land_type_label").value("耕地"));
        mvc.perform(get("/api/land/parcels/" + COLLECTIVE + "00001").with(user(u("demo-supervision"))))
                .andExpect(jsonPath("$.head_id").value(org.hamcrest.Matchers.not(head1)))
                .andExpect(jsonPath("$.head_id").value(containsString("****")));
        mvc.perform(get("/land").with(user(u("demo-leader")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("河东地")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(head1))));
        // the same file again: every code is already registered, nothing changes
        long before = parcels();
        upload("demo-unit-agri", validFile("01")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("已登记"))));
        assertThat(parcels()).isEqualTo(before);
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeNamingRowAndColumn() throws Exception {
        String c = COLLECTIVE.substring(0, 12) + "02";
        String good = id("14058119800101303");
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        String csv = HEADER + "\n"
                + c + ",良户村第二组," + c + "0001,王五," + badCheck + ",2,HT02001,1998-10-01,2028-09-30,否,"
                + c + "00001,南地,0,耕地,否,,,,\n"
                + c + ",良户村第二组," + c + "0002,赵六," + good + ",2,HT02002,2028-10-01,1998-09-30,否,"
                + "14058120322399" + "00001,北地,2.5,水田,也许,,,,\n"
                + "14058199999901,无此村,140581999999010001,钱七," + good + ",2,HT99001,1998-10-01,2028-09-30,否,"
                + "1405819999990100001,东地,1,耕地,否,,,,\n"
                + c + ",良户村二组," + c + "0001,王五," + good + ",3,HT02001,1998-10-01,2028-09-30,否,"
                + c + "00001,南地,1,耕地,否,,,,\n";
        long before = parcels();
        upload("demo-unit-agri", csv).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第2行 代表身份证号"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第2行 面积（亩）"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第3行 承包截止日期"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("不在发包方 " + c + " 之下"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第3行 土地类型"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第3行 永久基本农田"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("不是本县的村级区划代码"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第5行 发包方名称"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第5行 承包方编码"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("在文件中重复"))));
        assertThat(parcels()).isEqualTo(before);
        upload("demo-unit-agri", "a,b\n1,2\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        // a second household under a contract number already used, a short row, a far-off date, bad quoting
        String c3 = COLLECTIVE.substring(0, 12) + "03";
        String other = id("14058119900101404");
        upload("demo-unit-agri", HEADER + "\n"
                + c3 + ",三组," + c3 + "0001,甲," + good + ",2,HT-SAME,1998-10-01,2028-09-30,否," + c3 + "00001,甲地,1,耕地,否,,,,\n"
                + c3 + ",三组," + c3 + "0002,乙," + other + ",2,HT-SAME,1998-10-01,+10000-01-01,否," + c3 + "00002,乙地,1,耕地,否,,,,\n"
                + c3 + ",三组," + c3 + "0003,丙\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第3行 承包合同编号"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第3行 承包截止日期"))))
                .andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString("第4行 整行：应有 19 列"))));
        upload("demo-unit-agri", HEADER + "\n" + c3 + ",\"三\"组\"x,1\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("无法读取 CSV 文件")))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.not(containsString("Exception"))));
        mvc.perform(multipart("/api/land/import").file(new MockMultipartFile("file", "gbk.csv", "text/csv",
                        (HEADER + "\n").getBytes(java.nio.charset.Charset.forName("GBK")))).with(csrf()).with(user(u("demo-unit-agri"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(containsString("UTF-8")));
        upload("demo-leader-agri", validFile("04")).andExpect(status().isForbidden());
        mvc.perform(get("/api/land/parcels/123").with(user(u("demo-leader")))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/land/parcels/1405812032230100099").with(user(u("demo-leader")))).andExpect(status().isNotFound());
        mvc.perform(get("/api/land/parcels").with(user(u("demo-proposer")))).andExpect(status().isForbidden());
    }
}
