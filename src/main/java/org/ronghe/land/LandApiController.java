package org.ronghe.land;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.account.CurrentUser;
import org.ronghe.problem.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of the land registry, with the same access rules as the pages. */
@RestController
@Tag(name = "土地流转 Land", description = "确权数据登记簿：发包方、承包方与承包合同、地块")
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
class LandApiController {

    private final LandRegistry registry;
    private final LandAccess access;
    private final TransferService transfers;
    private final Listings listings;
    private final LandStatistics statistics;
    private final TransferContracts contracts;
    private final TransferReviews reviews;
    private final Rents rents;
    private final LandMap map;
    private final Clock clock;

    LandApiController(LandRegistry registry, LandAccess access, TransferService transfers, Listings listings,
                      LandStatistics statistics, TransferContracts contracts, TransferReviews reviews, Rents rents,
                      LandMap map, Clock clock) {
        this.clock = clock;
        this.map = map;
        this.contracts = contracts;
        this.reviews = reviews;
        this.rents = rents;
        this.registry = registry;
        this.access = access;
        this.transfers = transfers;
        this.listings = listings;
        this.statistics = statistics;
    }

    @PostMapping("/api/land/transfers/{id}/contract")
    @Operation(summary = "起草流转合同（L06、L07）", description = "按示范文本 GF-2021-2606（出租）/GF-2021-2607（入股）的结构生成；"
            + "transfereeId：农户、家庭农场填居民身份证号码，其他填统一社会信用代码；payment ANNUAL/SEMI_ANNUAL/ONE_OFF；"
            + "deposit 风险保障金（元）与 depositHolder 保管方；dispute ARBITRATION/COURT；rentInKind CASH/WHEAT 与 kindJinPerMu "
            + "（斤/亩/年，按支付当年小麦最低收购价折算）；adjustEveryYears 与 adjustPercent（每 N 年递增 X%）。双方均确认后不能再改")
    Map<String, Object> draftContract(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                      @org.springframework.web.bind.annotation.RequestBody TransferContracts.Terms terms) {
        access.requireEdit(user);
        contracts.draft(user.countyCode(), id, terms, user.username());
        return contracts.get(user.countyCode(), id);
    }

    @GetMapping("/api/land/transfers/{id}/rents")
    @Operation(summary = "租金计划与收付", description = "合同双方确认后按支付方式生成：各期应付日期、金额（元）、已付、是否逾期")
    List<Map<String, Object>> rentSchedule(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return rents.of(user.countyCode(), id, LocalDate.now(clock));
    }

    @PostMapping("/api/land/transfers/{id}/rents/{dueId}/payments")
    @Operation(summary = "记录一笔租金收付", description = "{amount: 元, paidOn: yyyy-MM-dd, payee: 收款承包方的 18 位编码}；不超过本期未付金额；"
            + "租金只能付到本宗流转所涉承包方本人的账户（L14）")
    List<Map<String, Object>> pay(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long dueId,
                                  @org.springframework.web.bind.annotation.RequestBody Map<String, Object> body) {
        access.requireEdit(user);
        java.math.BigDecimal amount = org.ronghe.problem.JsonFields.decimal(body.get("amount"), "amount", "付款金额应为数字");
        java.time.LocalDate paidOn = org.ronghe.problem.DateInput.day(body, "paidOn");
        rents.pay(user.countyCode(), id, dueId, amount, paidOn, body.get("payee") instanceof String p ? p : null, user.username());
        return rents.of(user.countyCode(), id, LocalDate.now(clock));
    }

    @PostMapping("/api/land/transfers/{id}/review")
    @Operation(summary = "申请流转审查（L09）", description = "{documents: 申请材料清单}；受让方为企业等组织且面积超过本县标准（默认 100 亩）时须审查，"
            + "20 个工作日内作出决定")
    Map<String, Object> applyReview(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                    @org.springframework.web.bind.annotation.RequestBody Map<String, Object> body) {
        access.requireEdit(user);
        reviews.apply(user.countyCode(), id, body.get("documents") instanceof String d ? d : null, user.username());
        return reviews.of(id).orElseThrow();
    }

    @PostMapping("/api/land/transfers/{id}/review/decision")
    @Operation(summary = "作出审查决定", description = "{approve: true|false, reasons: 审查意见及理由}")
    Map<String, Object> decideReview(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                     @org.springframework.web.bind.annotation.RequestBody Map<String, Object> body) {
        access.requireEdit(user);
        if (!(body.get("approve") instanceof Boolean approve)) {
            throw new InvalidInputException("approve", "approve 应为 true（通过）或 false（不通过）");
        }
        reviews.decide(user.countyCode(), id, approve, body.get("reasons") instanceof String r ? r : null, user.username());
        return reviews.of(id).orElseThrow();
    }

    @GetMapping("/api/land/transfers/{id}/contract")
    @Operation(summary = "流转合同", description = "text 为合同全文（身份证号码脱敏显示，原号加密保存），sha256 为其摘要")
    Map<String, Object> contract(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return contracts.get(user.countyCode(), id);
    }

    @PostMapping("/api/land/transfers/{id}/contract/confirm")
    @Operation(summary = "记录一方确认合同", description = "{party: TRANSFEROR（承包方）| TRANSFEREE（受让方）, sha256: 所读文本的摘要}；"
            + "双方确认后合同成立，文本和摘要由数据库锁定")
    Map<String, Object> confirmContract(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                        @org.springframework.web.bind.annotation.RequestBody Map<String, Object> body) {
        access.requireEdit(user);
        Object party = body.get("party");
        Object hash = body.get("sha256");
        boolean signed = contracts.confirm(user.countyCode(), id, party instanceof String p ? p : null,
                hash instanceof String h ? h : "", user.username());
        return Map.of("signed", signed);
    }

    @PostMapping("/api/land/transfers/{id}/filing")
    @Operation(summary = "流转备案（L08）", description = "on：备案日期 yyyy-MM-dd，默认今天；已备案的再备案返回 409")
    Map<String, Object> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                             @RequestParam(required = false) String on) {
        access.requireEdit(user);
        java.time.LocalDate day = org.ronghe.problem.DateInput.dayOrToday(on, "on", LocalDate.now(clock));
        transfers.file(user.countyCode(), id, day, user.username());
        return Map.of("id", id, "filedAt", day.toString());
    }

    @GetMapping("/api/land/ledger")
    @Operation(summary = "流转台账", description = "township 为 9 位乡镇代码，留空为全县；每宗流转的地块、村、受让方、期限、面积（亩）、租金（元/亩/年）、"
            + "备案日期、解除日期；form、transferee_kind、land_use 另有中文 *_label，status_label 为 有效/已解除/已撤销")
    List<Map<String, Object>> ledger(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String township) {
        if (township != null && !township.isBlank() && !township.strip().matches("\\d{9}")) {
            throw new InvalidInputException("township", "乡镇代码应为 9 位数字");
        }
        return transfers.ledger(user.countyCode(), township == null || township.isBlank() ? null : township.strip()).stream()
                .map(r -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>(r);
                    row.put("form_label", LandLabels.form((String) r.get("form")));
                    row.put("transferee_kind_label", LandLabels.kind((String) r.get("transferee_kind")));
                    row.put("land_use_label", LandLabels.use((String) r.get("land_use")));
                    row.put("status_label", r.get("terminated_on") == null ? "有效"
                            : "WITHDRAWN".equals(r.get("termination_basis")) ? "已撤销" : "已解除");
                    return row;
                }).toList();
    }

    @GetMapping("/api/land/statistics")
    @Operation(summary = "流转统计", description = "on（yyyy-MM-dd，默认今天）当日有效的流转面积（亩）及占登记承包面积的比例，"
            + "按乡镇、村；按流转方式、受让方类型、用途（粮食/非粮）；租金（元/亩/年）按乡镇、地类、起始年份的中位数和四分位数")
    Map<String, Object> statistics(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String on) {
        java.time.LocalDate day = org.ronghe.problem.DateInput.dayOrToday(on, "on", LocalDate.now(clock));
        String c = user.countyCode();
        return Map.of("on", day.toString(), "byTownship", statistics.byTownship(c, day), "byVillage", statistics.byVillage(c, day),
                "byForm", statistics.live(c, day, "form"), "byTransferee", statistics.live(c, day, "transferee"),
                "byUse", statistics.live(c, day, "use"), "rents", statistics.rents(c));
    }

    @PostMapping("/api/land/supply")
    @Operation(summary = "发布供给信息（农业农村部门代承包方或村集体受托发布）", description = "householdCode 承包方编码；parcels 该户地块编码；"
            + "form 出租/入股/其他；termYears 1–30；minRent 元/亩/年；allowedUses 允许的农业用途；byMandate 为村集体受托发布（L01）")
    Map<String, Object> offer(@AuthenticationPrincipal CurrentUser user,
                              @org.springframework.web.bind.annotation.RequestBody Listings.Supply supply) {
        access.requireEdit(user);
        return Map.of("id", listings.offer(user.countyCode(), supply, user.username()));
    }

    @PostMapping("/api/land/demand")
    @Operation(summary = "发布需求信息", description = "townships 为 9 位乡镇代码；面积（亩）范围；landType CULTIVATED/GARDEN/OTHER；"
            + "landUse 农业用途；termYears 1–30；maxRent 元/亩/年")
    Map<String, Object> seek(@AuthenticationPrincipal CurrentUser user,
                             @org.springframework.web.bind.annotation.RequestBody Listings.Demand demand) {
        access.requireEdit(user);
        return Map.of("id", listings.seek(user.countyCode(), demand, user.username()));
    }

    @GetMapping("/api/land/supply")
    @Operation(summary = "查询有效的供给信息", description = "township 9 位乡镇代码；landType CULTIVATED/GARDEN/OTHER（全部地块为该地类）；"
            + "form LEASE/SHARE/OTHER；use 允许的用途；minArea、maxArea 总面积范围（亩）；均可省略；最新的在前，最多 500 条")
    List<Map<String, Object>> supply(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String township,
                                     @RequestParam(required = false) String landType, @RequestParam(required = false) String form,
                                     @RequestParam(required = false) String use, @RequestParam(required = false) String minArea,
                                     @RequestParam(required = false) String maxArea) {
        return listings.openSupply(user.countyCode(), Listings.Filter.of(township, landType, form, use, minArea, maxArea));
    }

    @GetMapping("/api/land/demand")
    @Operation(summary = "查询有效的需求信息", description = "township 需求包含的乡镇；landType、use 需求的地类和用途；minArea、maxArea "
            + "与需求面积范围有交集（亩）；均可省略；最新的在前，最多 500 条")
    List<Map<String, Object>> demand(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String township,
                                     @RequestParam(required = false) String landType, @RequestParam(required = false) String use,
                                     @RequestParam(required = false) String minArea, @RequestParam(required = false) String maxArea) {
        return listings.openDemand(user.countyCode(), Listings.Filter.of(township, landType, null, use, minArea, maxArea));
    }

    @GetMapping("/api/land/demand/{id}/matches")
    @Operation(summary = "为需求匹配供给", description = "只列出乡镇、地类、用途相符且不违反 L05 的供给；score 0–100，reasons 说明各项得分")
    List<Listings.Match> matches(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return listings.match(user.countyCode(), id);
    }

    @PostMapping("/api/land/transfers")
    @Operation(summary = "记录一宗土地经营权流转（农业农村部门）", description = "检查 L02（林地草地）、L03（不超过承包期）、"
            + "L04（流转方式）、L05（农业用途、永久基本农田、非粮化提示）、L18（面积、期限不重叠，数据库同时约束）；"
            + "违反时 400 列出规则编号和条文，期限重叠时 409；warnings 为提示")
    TransferService.Outcome recordTransfer(@AuthenticationPrincipal CurrentUser user,
                                           @org.springframework.web.bind.annotation.RequestBody TransferService.Draft draft) {
        access.requireEdit(user);
        return transfers.record(user.countyCode(), draft, user.username());
    }

    @PostMapping(path = "/api/land/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入确权数据（Excel 或 CSV）", description = "multipart 字段 file：Excel 工作簿（.xlsx，取第一个工作表）"
            + "或 UTF-8 CSV，按文件内容（或文件名）判断。第1行为表头，依次为 发包方编码、发包方名称、承包方编码、承包方代表、"
            + "代表身份证号、家庭成员数、承包合同编号、承包起始日期、承包截止日期、延包已登记、地块编码、地块名称、面积（亩）、土地类型、"
            + "永久基本农田、东至、南至、西至、北至，可再加一列 边界（GeoJSON）：地块的 Polygon 或 MultiPolygon，WGS 84 经纬度；"
            + "每行一块地。Excel 中日期可为日期单元格或 yyyy-MM-dd 文字，数字可为数值单元格，18、19 位编码和身份证号须为文本。"
            + "任一行有误则整个文件不导入，errors 的 message 写明行和列。仅农业农村部门和系统管理员")
    LandRegistry.ImportResult importCsv(@AuthenticationPrincipal CurrentUser user,
                                        @RequestParam(required = false) MultipartFile file) throws IOException {
        access.requireEdit(user);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "请上传确权数据文件（Excel .xlsx 或 UTF-8 CSV）");
        }
        return registry.importFile(user.countyCode(), file.getBytes(), file.getOriginalFilename());
    }

    @GetMapping("/api/land/map")
    @Operation(summary = "地块分布图数据（GeoJSON）", description = "township：9 位乡镇代码，留空为全县；on：yyyy-MM-dd，默认今天（北京时间）。"
            + "返回 FeatureCollection（WGS 84 经纬度），只含已登记边界的地块；properties：code 地块编码、name、village 发包方名称、"
            + "township 乡镇代码、township_name、area_mu 面积（亩）、land_type、land_type_label、basic_farmland 永久基本农田、"
            + "state（TRANSFERRED 已流转 / LISTED 挂牌中 / FREE 未流转）、state_label；已流转的另有 transfer_id、transferee 受让方、"
            + "transferred_mu、transfer_start、transfer_end。withoutBoundary 为范围内尚无边界的地块数；超过 20000 块时 truncated 为 true，"
            + "请按乡镇查看")
    Map<String, Object> map(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String township,
                            @RequestParam(required = false) String on) {
        return map.parcels(user.countyCode(), township(township), org.ronghe.problem.DateInput.dayOrToday(on, "on", LocalDate.now(clock)));
    }

    @GetMapping("/api/land/boundaries")
    @Operation(summary = "行政区划边界（GeoJSON）", description = "已载入的边界：不指定乡镇时为本县和各乡镇，指定 township（9 位）时为本县、"
            + "该乡镇及其村；properties：code 12 位区划代码、name、level（COUNTY/TOWNSHIP/VILLAGE）")
    Map<String, Object> boundaries(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String township) {
        return map.boundaries(user.countyCode(), township(township));
    }

    @PostMapping(path = "/api/land/boundaries", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
    @Operation(summary = "载入行政区划边界（农业农村部门、系统管理员）", description = "请求体为 GeoJSON FeatureCollection：每个 Feature 的 geometry "
            + "为 Polygon 或 MultiPolygon（WGS 84 经纬度，经度 73–136、纬度 3–54，环闭合且至少 4 个坐标），properties.code 为本县的统计用"
            + "区划代码（12 位；乡镇可写 9 位，本县 6 位），properties.name 可选。同一代码已有边界的予以替换；任一要素有误则全部不载入，"
            + "errors 的 field 为 features[i].geometry 等")
    Map<String, Object> loadBoundaries(@AuthenticationPrincipal CurrentUser user,
                                       @org.springframework.web.bind.annotation.RequestBody(required = false) String body) {
        access.requireEdit(user);
        List<String> codes = map.loadBoundaries(user.countyCode(), body, user.username());
        return Map.of("loaded", codes.size(), "codes", codes);
    }

    @org.springframework.web.bind.annotation.PutMapping(path = "/api/land/parcels/{code}/boundary",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
    @Operation(summary = "设置或更正已登记地块的边界（农业农村部门、系统管理员）", description = "请求体为 GeoJSON Polygon 或 MultiPolygon"
            + "（或含其一的 Feature），WGS 84 经纬度；空请求体清除边界")
    Map<String, Object> setBoundary(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
                                    @org.springframework.web.bind.annotation.RequestBody(required = false) String body) {
        access.requireEdit(user);
        if (!code.matches("\\d{19}")) {
            throw new InvalidInputException("code", "地块编码应为 19 位数字");
        }
        map.setParcelBoundary(user.countyCode(), code, body, user.username());
        return registry.parcel(user.countyCode(), code, access.mayReadIds(user));
    }

    /** @return a township filter: {@code null} when blank (the whole county), else the code as given, stripped */
    private static String township(String township) {
        return township == null || township.isBlank() ? null : township.strip();
    }

    @GetMapping("/api/land/parcels")
    @Operation(summary = "地块", description = "按地块编码排序，每页 100；身份证号除农业农村部门和系统管理员外均脱敏")
    List<Map<String, Object>> parcels(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "1") int page) {
        int p = Math.max(1, Math.min(page, 100_000));
        return registry.parcels(user.countyCode(), access.mayReadIds(user), (p - 1) * 100, 100);
    }

    @GetMapping("/api/land/parcels/{code}")
    @Operation(summary = "一块地")
    Map<String, Object> parcel(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
        if (!code.matches("\\d{19}")) {
            throw new InvalidInputException("code", "地块编码应为 19 位数字");
        }
        return registry.parcel(user.countyCode(), code, access.mayReadIds(user));
    }
}
