package org.ronghe.land;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.ronghe.account.CurrentUser;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.tenancy.CurrentCounty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The land platform's pages: {@code /land} (the registry's figures and parcels, the 确权 data import for the
 * agriculture bureau, the 记录流转 form and the ledger), {@code /land/map} (the map of parcels), the listings and a
 * transfer's page.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
class LandWebController {

    private final LandRegistry registry;
    private final LandAccess access;
    private final CurrentCounty county;
    private final TransferService transfers;
    private final TransferContracts contracts;
    private final Listings listings;
    private final org.ronghe.region.RegionDirectory regions;
    private final TransferLifecycle lifecycle;
    private final Disputes disputes;
    private final Rents rents;
    private final LandMap map;
    private final Clock clock;
    private final TransferReviews reviews;
    private final org.ronghe.document.FontRoles fonts;

    LandWebController(LandRegistry registry, LandAccess access, CurrentCounty county, TransferService transfers,
                      TransferContracts contracts, Listings listings, org.ronghe.region.RegionDirectory regions,
                      TransferLifecycle lifecycle, Disputes disputes, Rents rents, LandMap map, TransferReviews reviews,
                      org.ronghe.document.FontRoles fonts, Clock clock) {
        this.clock = clock;
        this.fonts = fonts;
        this.reviews = reviews;
        this.lifecycle = lifecycle;
        this.disputes = disputes;
        this.rents = rents;
        this.map = map;
        this.registry = registry;
        this.access = access;
        this.county = county;
        this.transfers = transfers;
        this.contracts = contracts;
        this.listings = listings;
        this.regions = regions;
    }

    @GetMapping("/land/listings")
    String listingsPage(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String township,
                        @RequestParam(required = false) String landType, @RequestParam(required = false) String form,
                        @RequestParam(required = false) String use, @RequestParam(required = false) String minArea,
                        @RequestParam(required = false) String maxArea, Model model) {
        String c = user == null ? county.code() : user.countyCode();
        Listings.Filter filter;
        try {
            filter = Listings.Filter.of(township, landType, form, use, minArea, maxArea);
        } catch (InvalidInputException e) { // a bad search is said on the page, which then lists everything
            filter = Listings.Filter.NONE;
            model.addAttribute("notice", "筛选条件有误：" + String.join("；", e.byField().values()) + "，已列出全部");
            model.addAttribute("noticeKind", "error");
        }
        model.addAttribute("filter", filter);
        model.addAttribute("limit", Listings.LIST_LIMIT);
        model.addAttribute("supply", listings.openSupply(c, filter));
        model.addAttribute("demand", user == null ? List.of() : listings.openDemand(c, filter));
        model.addAttribute("townships", regions.children(c + "000000"));
        model.addAttribute("mayEdit", access.mayEdit(user));
        return "land/listings";
    }

    @PostMapping("/land/supply")
    String offer(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String householdCode,
                 @RequestParam(defaultValue = "") String parcels, @RequestParam(defaultValue = "") String form,
                 @RequestParam(defaultValue = "") String termYears, @RequestParam(defaultValue = "") String minRent,
                 @RequestParam(required = false) List<String> allowedUses,
                 @RequestParam(defaultValue = "false") boolean byMandate, RedirectAttributes redirect) {
        access.requireEdit(user);
        org.ronghe.problem.FormOutcome.attempt(redirect, "已发布供给信息", "未发布", () -> {
            List<org.ronghe.problem.FieldProblem> problems = new java.util.ArrayList<>();
            java.math.BigDecimal rent = collect(problems, () -> decimal(minRent, "minRent"));
            Integer years = collect(problems, () -> integer(termYears, "termYears"));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            listings.offer(user.countyCode(), new Listings.Supply(householdCode.strip(), byMandate,
                    java.util.Arrays.stream(parcels.split("[、，,；;\\s]+")).filter(x -> !x.isBlank()).toList(), form, years,
                    rent, allowedUses == null ? List.of() : allowedUses), user.username());
        });
        return "redirect:/land/listings";
    }

    @PostMapping("/land/demand")
    String seek(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String transfereeName,
                @RequestParam(defaultValue = "") String transfereeKind,
                @RequestParam(required = false) List<String> townships, @RequestParam(defaultValue = "") String minArea,
                @RequestParam(defaultValue = "") String maxArea, @RequestParam(defaultValue = "") String landType,
                @RequestParam(defaultValue = "") String landUse, @RequestParam(defaultValue = "") String termYears,
                @RequestParam(defaultValue = "") String maxRent, RedirectAttributes redirect) {
        access.requireEdit(user);
        long[] id = {0};
        boolean ok = org.ronghe.problem.FormOutcome.attempt(redirect, "已发布需求信息，以下为匹配的供给", "未发布", () -> {
            List<org.ronghe.problem.FieldProblem> problems = new java.util.ArrayList<>();
            java.math.BigDecimal min = collect(problems, () -> decimal(minArea, "minArea"));
            java.math.BigDecimal max = collect(problems, () -> decimal(maxArea, "maxArea"));
            java.math.BigDecimal rent = collect(problems, () -> decimal(maxRent, "maxRent"));
            Integer years = collect(problems, () -> integer(termYears, "termYears"));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            id[0] = listings.seek(user.countyCode(), new Listings.Demand(transfereeName, transfereeKind,
                    townships == null ? List.of() : townships, min, max, landType, landUse, years, rent), user.username());
        });
        return ok ? "redirect:/land/demand/" + id[0] : "redirect:/land/listings";
    }

    @GetMapping("/land/demand/{id}")
    String matches(@AuthenticationPrincipal CurrentUser user, @org.springframework.web.bind.annotation.PathVariable long id,
                   Model model) {
        model.addAttribute("matches", listings.match(user.countyCode(), id));
        model.addAttribute("demandId", id);
        model.addAttribute("demand", listings.openDemand(user.countyCode()).stream()
                .filter(d -> ((Number) d.get("id")).longValue() == id).findFirst().orElse(null));
        model.addAttribute("mayEdit", access.mayEdit(user));
        return "land/matches";
    }

    private static Integer integer(String text, String field) {
        if (!text.strip().matches("\\d{1,2}")) {
            throw new InvalidInputException(field, "年限应为 1 到 30 的整数");
        }
        return Integer.valueOf(text.strip());
    }

    @PostMapping("/land/transfers")
    String record(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String form,
                  @RequestParam(defaultValue = "") String transfereeName, @RequestParam(defaultValue = "") String transfereeKind,
                  @RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String end,
                  @RequestParam(defaultValue = "") String landUse, @RequestParam(defaultValue = "") String rent,
                  @RequestParam(defaultValue = "") String parcels, @RequestParam(defaultValue = "") String memberCode,
                  RedirectAttributes redirect) {
        access.requireEdit(user);
        long[] id = {0};
        boolean ok = org.ronghe.problem.FormOutcome.attempt(redirect, "未记录", () -> {
            // every field's form is checked before any is used, so all problems are reported at once
            List<org.ronghe.problem.FieldProblem> problems = new java.util.ArrayList<>();
            java.time.LocalDate from = collect(problems, () -> org.ronghe.problem.DateInput.day(start, "start"));
            java.time.LocalDate to = collect(problems, () -> org.ronghe.problem.DateInput.day(end, "end"));
            java.math.BigDecimal price = rent.isBlank() ? null : collect(problems, () -> decimal(rent, "rent"));
            List<TransferService.Share> shares = collect(problems, () -> shares(parcels));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            TransferService.Outcome o = transfers.record(user.countyCode(), new TransferService.Draft(form, transfereeName,
                    transfereeKind, from, to, landUse, price, shares, memberCode.isBlank() ? null : memberCode.strip()),
                    user.username());
            id[0] = o.id();
            return "已记录流转" + (o.warnings().isEmpty() ? "" : "。提示：" + String.join("；", o.warnings()));
        });
        if (!ok) { // the form comes back filled in as it was sent
            redirect.addFlashAttribute("transferForm", java.util.Map.of("form", form, "transfereeName", transfereeName,
                    "transfereeKind", transfereeKind, "start", start, "end", end, "landUse", landUse, "rent", rent,
                    "parcels", parcels, "memberCode", memberCode));
        }
        return ok ? "redirect:/land/transfers/" + id[0] : "redirect:/land#record-transfer";
    }

    @GetMapping("/land/transfers/{id}")
    String transfer(@AuthenticationPrincipal CurrentUser user, @org.springframework.web.bind.annotation.PathVariable long id,
                    Model model) {
        model.addAttribute("t", transfers.ledger(user.countyCode(), null).stream()
                .filter(r -> ((Number) r.get("id")).longValue() == id).findFirst()
                .orElseThrow(() -> new org.ronghe.problem.NotFoundException("流转", id)));
        try {
            model.addAttribute("contract", contracts.get(user.countyCode(), id));
        } catch (org.ronghe.problem.NotFoundException e) {
            model.addAttribute("contract", null);
        }
        model.addAttribute("mayEdit", access.mayEdit(user));
        model.addAttribute("life", lifecycle.of(user.countyCode(), id));
        model.addAttribute("disputes", disputes.of(user.countyCode(), id));
        model.addAttribute("rents", rents.of(user.countyCode(), id, LocalDate.now(clock)));
        model.addAttribute("payees", rents.payees(id));
        model.addAttribute("bases", TransferLifecycle.TERMINATION_BASES);
        model.addAttribute("reviewRequired", reviews.required(user.countyCode(), id));
        model.addAttribute("review", reviews.of(id).orElse(null));
        java.util.Map<?, ?> row = (java.util.Map<?, ?>) model.getAttribute("t");
        model.addAttribute("formLabel", LandLabels.form((String) row.get("form")));
        model.addAttribute("kindLabel", LandLabels.kind((String) row.get("transferee_kind")));
        // payment forms for the instalments due within half a year, not for every future one
        model.addAttribute("payUntil", LocalDate.now(clock).plusMonths(6));
        model.addAttribute("useLabel", LandLabels.use((String) row.get("land_use")));
        model.addAttribute("payees", rents.payees(id));
        return "land/transfer";
    }

    /**
     * The registry template: a workbook with the import's header row and every column formatted as text, so that Excel
     * keeps 18- and 19-digit codes and identity numbers whole.
     */
    @GetMapping("/land/registry-template.xlsx")
    org.springframework.http.ResponseEntity<byte[]> registryTemplate() throws IOException {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("确权数据");
            var text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            var bold = book.createCellStyle();
            var font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            var head = sheet.createRow(0);
            List<String> headers = new java.util.ArrayList<>(LandRegistry.HEADERS);
            headers.add(LandRegistry.BOUNDARY);
            for (int i = 0; i < headers.size(); i++) {
                var cell = head.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(bold);
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, (i == headers.size() - 1 ? 40 : 16) * 256);
            }
            book.write(out);
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                            .attachment().filename("确权数据导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
                    .body(out.toByteArray());
        }
    }

    @GetMapping("/land/transfers/{id}/contract.docx")
    org.springframework.http.ResponseEntity<byte[]> contractDocx(@AuthenticationPrincipal CurrentUser user,
                                                                 @org.springframework.web.bind.annotation.PathVariable long id) {
        java.util.Map<String, Object> c = contracts.get(user.countyCode(), id);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename("流转合同-" + c.get("contract_no") + ".docx", StandardCharsets.UTF_8).build().toString())
                .body(ContractDocx.write((String) c.get("text"), (String) c.get("contract_no"), (String) c.get("sha256")));
    }

    @GetMapping("/land/transfers/{id}/contract.pdf")
    org.springframework.http.ResponseEntity<byte[]> contractPdf(@AuthenticationPrincipal CurrentUser user,
                                                                @org.springframework.web.bind.annotation.PathVariable long id) {
        java.util.Map<String, Object> c = contracts.get(user.countyCode(), id);
        byte[] pdf;
        try {
            pdf = ContractPdf.write(fonts, (String) c.get("text"), (String) c.get("contract_no"), (String) c.get("sha256"));
        } catch (org.ronghe.document.FontUnavailableException e) {
            throw org.ronghe.problem.Refusal.unavailable("暂时无法生成合同 PDF。" + e.publicMessage()
                    + "。请系统管理员改正或删除该设置后重启平台；Word（DOCX）版合同不需要字体文件，仍可下载。");
        }
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename("流转合同-" + c.get("contract_no") + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    @PostMapping("/land/transfers/{id}/contract")
    String draftContract(@AuthenticationPrincipal CurrentUser user, @org.springframework.web.bind.annotation.PathVariable long id,
                         @RequestParam(defaultValue = "") String transfereeId, @RequestParam(defaultValue = "") String payment,
                         @RequestParam(defaultValue = "0") String deposit, @RequestParam(defaultValue = "") String dispute,
                         @RequestParam(defaultValue = "") String depositHolder,
                         @RequestParam(defaultValue = "") String rentInKind, @RequestParam(defaultValue = "") String kindJinPerMu,
                         @RequestParam(defaultValue = "") String adjustEveryYears,
                         @RequestParam(defaultValue = "") String adjustPercent, RedirectAttributes redirect) {
        access.requireEdit(user);
        org.ronghe.problem.FormOutcome.attempt(redirect, "合同已起草，请双方阅读后确认", "未起草", () -> contracts.draft(
                user.countyCode(), id, new TransferContracts.Terms(transfereeId, payment, decimal(deposit, "deposit"), dispute,
                        depositHolder, rentInKind, kindJinPerMu.isBlank() ? null : decimal(kindJinPerMu, "kindJinPerMu"),
                        adjustEveryYears.isBlank() ? null : whole(adjustEveryYears, "adjustEveryYears"),
                        adjustPercent.isBlank() ? null : decimal(adjustPercent, "adjustPercent")),
                user.username()));
        return "redirect:/land/transfers/" + id;
    }

    @PostMapping("/land/transfers/{id}/contract/confirm")
    String confirmContract(@AuthenticationPrincipal CurrentUser user, @org.springframework.web.bind.annotation.PathVariable long id,
                           @RequestParam(defaultValue = "") String party, @RequestParam(defaultValue = "") String sha256,
                           RedirectAttributes redirect) {
        access.requireEdit(user);
        org.ronghe.problem.FormOutcome.attempt(redirect, "未确认", () -> contracts.confirm(user.countyCode(), id, party, sha256,
                user.username()) ? "双方均已确认，合同成立，文本已锁定" : "已记录确认");
        return "redirect:/land/transfers/" + id;
    }

    @PostMapping("/land/transfers/{id}/filing")
    String file(@AuthenticationPrincipal CurrentUser user, @org.springframework.web.bind.annotation.PathVariable long id,
                @RequestParam(defaultValue = "") String on, RedirectAttributes redirect) {
        access.requireEdit(user);
        org.ronghe.problem.FormOutcome.attempt(redirect, "已备案", "未备案",
                () -> transfers.file(user.countyCode(), id, org.ronghe.problem.DateInput.day(on, "on"), user.username()));
        return "redirect:/land/transfers/" + id;
    }

    private static <T> T collect(List<org.ronghe.problem.FieldProblem> problems, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static final java.util.Map<String, String> LABELS = java.util.Map.ofEntries(java.util.Map.entry("rent", "租金"),
            java.util.Map.entry("deposit", "风险保障金"), java.util.Map.entry("parcels", "地块面积"),
            java.util.Map.entry("minRent", "最低租金"), java.util.Map.entry("minArea", "面积下限"),
            java.util.Map.entry("maxArea", "面积上限"), java.util.Map.entry("maxRent", "预算"),
            java.util.Map.entry("kindJinPerMu", "实物租金（斤/亩/年）"), java.util.Map.entry("adjustPercent", "调整幅度（%）"));

    private static Integer whole(String text, String field) {
        if (!text.strip().matches("\\d{1,2}")) {
            throw new InvalidInputException(field, "调整周期应为 1 到 10 的整数（年）");
        }
        return Integer.valueOf(text.strip());
    }

    private static java.math.BigDecimal decimal(String text, String field) {
        return org.ronghe.problem.NumberInput.amount(text, field, LABELS.getOrDefault(field, field));
    }

    /** @return shares written as {@code 地块编码:亩数}, separated by 、，; or line breaks */
    private static List<TransferService.Share> shares(String text) {
        List<TransferService.Share> out = new java.util.ArrayList<>();
        for (String part : text.split("[、，,；;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("[:：]");
            if (kv.length != 2 || !kv[0].matches("\\d{19}")) {
                throw new InvalidInputException("parcels", "地块应写作“地块编码:亩数”，如 1405812032230100001:3.25");
            }
            out.add(new TransferService.Share(kv[0], decimal(kv[1], "parcels")));
        }
        return out;
    }

    @GetMapping("/land")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "1") String page,
                @RequestParam(defaultValue = "") String township, Model model) {
        int p = page.matches("\\d{1,5}") ? Math.max(1, Integer.parseInt(page)) : 1;
        String c = user == null ? county.code() : user.countyCode();
        model.addAttribute("summary", registry.summary(c));
        model.addAttribute("parcels", registry.parcels(c, access.mayReadIds(user), (p - 1) * 100, 100));
        model.addAttribute("page", p);
        model.addAttribute("mayImport", access.mayEdit(user));
        String town = township.matches("\\d{9}") ? township : null;
        model.addAttribute("ledger", transfers.ledger(c, town).stream().limit(town == null ? 100 : 10_000).toList());
        model.addAttribute("township", town);
        model.addAttribute("townships", regions.children(c + "000000"));
        model.addAttribute("headers", String.join(",", LandRegistry.HEADERS));
        model.addAttribute("boundaryHeader", LandRegistry.BOUNDARY);
        return "land/land";
    }

    /**
     * The map of parcels ({@code /land/map}): the page holds the filter and the legend; {@code /js/land-map.js} draws
     * {@code /api/land/map} and {@code /api/land/boundaries} with Leaflet, without a tile layer (offline machines).
     */
    @GetMapping("/land/map")
    String mapPage(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String township,
                   @RequestParam(defaultValue = "") String on, Model model) {
        String c = user == null ? county.code() : user.countyCode();
        model.addAttribute("townships", regions.children(c + "000000").stream()
                .filter(r -> r.level() == org.ronghe.region.RegionLevel.TOWNSHIP).toList());
        model.addAttribute("township", township.strip());
        model.addAttribute("on", on.strip().isEmpty()
                ? LocalDate.now(clock).toString() : on.strip());
        model.addAttribute("mayEdit", access.mayEdit(user));
        return "land/map";
    }

    @PostMapping("/land/boundaries")
    String loadBoundaries(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
                          RedirectAttributes redirect) throws IOException {
        access.requireEdit(user);
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        org.ronghe.problem.FormOutcome.attempt(redirect, "未载入", () -> {
            if (bytes.length == 0) {
                throw new InvalidInputException("file", "请选择行政区划边界文件（GeoJSON）");
            }
            return "已载入 " + map.loadBoundaries(user.countyCode(), RegistryFile.utf8(bytes), user.username()).size()
                    + " 个行政区划的边界";
        });
        return "redirect:/land/map";
    }

    @PostMapping("/land/import")
    String importCsv(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
                     RedirectAttributes redirect) throws IOException {
        access.requireEdit(user);
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        try {
            if (bytes.length == 0) {
                throw new InvalidInputException("file", "请选择确权数据文件（Excel .xlsx 或 UTF-8 CSV）");
            }
            LandRegistry.ImportResult r = registry.importFile(user.countyCode(), bytes, file.getOriginalFilename());
            redirect.addFlashAttribute("notice", "已导入 " + r.collectives() + " 个发包方、" + r.households() + " 户承包方、"
                    + r.parcels() + " 块地");
        } catch (InvalidInputException e) {
            List<String> messages = e.problems().stream().map(p -> p.message()).toList();
            redirect.addFlashAttribute("notice", "未导入：" + String.join("；", messages.subList(0, Math.min(30, messages.size())))
                    + (messages.size() > 30 ? "；……共 " + messages.size() + " 处问题" : ""));
            redirect.addFlashAttribute("noticeKind", "error");
        }
        return "redirect:/land";
    }
}
