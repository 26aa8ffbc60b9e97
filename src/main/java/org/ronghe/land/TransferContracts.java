package org.ronghe.land;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.ronghe.problem.Refusal;
import org.ronghe.audit.AuditTrail;
import org.ronghe.privacy.Masking;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfer contracts (流转合同, L07): drafted from a recorded transfer in the structure of the 2021 model texts —
 * parties, parcel table, form, use, term, price and payment, delivery, rights and duties, risk deposit, breach,
 * disputes, filing — with the transferee's identity checked (L06: 居民身份证号码 GB 11643 for people, 统一社会信用代码
 * GB 32100 for organisations). Both parties confirm; from then on the text and its SHA-256 are fixed by the database.
 * The wording is ours; the chapter order follows 农村土地经营权出租合同（示范文本）GF-2021-2606 and 入股合同 GF-2021-2607.
 */
@Service
public class TransferContracts {

    /**
     * What the drafter adds to the recorded transfer.
     *
     * @param transfereeId 18 characters: an identity number for a household, a credit code for an organisation
     * @param payment      ANNUAL, SEMI_ANNUAL or ONE_OFF
     * @param deposit      risk deposit (风险保障金) in 元, 0 or more (L10)
     * @param dispute      ARBITRATION (调解、仲裁) or COURT (诉讼)
     * @param depositHolder who keeps the deposit (e.g. 乡镇农村经营管理站、银行专户), required when there is one (L10)
     * @param rentInKind    {@code null} or CASH for rent in cash (the transfer's 元/亩/年); WHEAT for rent in kind,
     *                      valued at the state minimum purchase price of wheat of each payment's year
     * @param kindJinPerMu  with WHEAT: 斤 of wheat per 亩 per year
     * @param adjustEveryYears with {@code adjustPercent}: the rent rises every so many years (1–10), or {@code null}
     * @param adjustPercent by this many percent (more than 0, at most 50)
     */
    public record Terms(String transfereeId, String payment, BigDecimal deposit, String dispute, String depositHolder,
                        String rentInKind, BigDecimal kindJinPerMu, Integer adjustEveryYears, BigDecimal adjustPercent) {

        /** Terms of rent in cash without adjustment. */
        public Terms(String transfereeId, String payment, BigDecimal deposit, String dispute, String depositHolder) {
            this(transfereeId, payment, deposit, dispute, depositHolder, null, null, null, null);
        }

        /** Terms without a risk deposit holder (only for a contract without a deposit). */
        public Terms(String transfereeId, String payment, BigDecimal deposit, String dispute) {
            this(transfereeId, payment, deposit, dispute, null);
        }

        boolean inKind() {
            return "WHEAT".equals(rentInKind);
        }
    }

    private final JdbcClient jdbc;
    private final IdentityVault vault;
    private final AuditTrail audit;
    private final TransferReviews reviews;
    private final Rents rents;
    private final Clock clock;

    TransferContracts(JdbcClient jdbc, IdentityVault vault, AuditTrail audit, TransferReviews reviews, Rents rents, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.vault = vault;
        this.audit = audit;
        this.reviews = reviews;
        this.rents = rents;
    }

    /**
     * Drafts (or redrafts, until both parties have confirmed) the contract of a transfer.
     *
     * @return the contract's id
     * @throws InvalidInputException  naming {@code transfereeId} (L06), {@code payment}, {@code deposit}, {@code dispute}
     * @throws NotFoundException      for an unknown transfer
     * @throws Refusal 409 when the contract is already confirmed by both parties
     */
    @Transactional
    public long draft(String countyCode, long transferId, Terms terms, String by) {
        Map<String, Object> t = jdbc.sql("select * from land_transfer where id = :id and county_code = :c for update")
                .param("id", transferId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("流转", transferId));
        if (t.get("terminated_on") != null) {
            throw Refusal.conflict("该流转已于 " + t.get("terminated_on") + " 解除或撤销，不能再起草合同");
        }
        List<FieldProblem> problems = new ArrayList<>();
        boolean person = List.of("HOUSEHOLD", "FAMILY_FARM").contains(t.get("transferee_kind"));
        String id = terms.transfereeId() == null ? "" : terms.transfereeId().strip().toUpperCase();
        if (person ? !IdentityNumbers.isIdNumber(id, LocalDate.now(clock)) : !IdentityNumbers.isCreditCode(id)) {
            problems.add(new FieldProblem("transfereeId", "L06（《农村土地承包法》第40条）：受让方" + (person
                    ? "的居民身份证号码不符合 GB 11643" : "的统一社会信用代码不符合 GB 32100")));
        }
        if (terms.payment() == null || !List.of("ANNUAL", "SEMI_ANNUAL", "ONE_OFF").contains(terms.payment())) {
            problems.add(new FieldProblem("payment", "支付方式应为 按年（ANNUAL）、按半年（SEMI_ANNUAL）或 一次性（ONE_OFF）"));
        }
        if (terms.deposit() == null || terms.deposit().signum() < 0 || terms.deposit().compareTo(BigDecimal.valueOf(100_000_000)) > 0
                || terms.deposit().stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("deposit", "L10：风险保障金（元）应为 0 到 1 亿，最多两位小数"));
        }
        if (terms.dispute() == null || !List.of("ARBITRATION", "COURT").contains(terms.dispute())) {
            problems.add(new FieldProblem("dispute", "争议解决方式应为 调解仲裁（ARBITRATION）或 诉讼（COURT）"));
        }
        BigDecimal wheatPrice = null;
        Integer priceYear = null;
        java.time.LocalDate startDay = ((java.sql.Date) t.get("start_date")).toLocalDate();
        if (terms.rentInKind() != null && !terms.rentInKind().isBlank() && !List.of("CASH", "WHEAT").contains(terms.rentInKind())) {
            problems.add(new FieldProblem("rentInKind", "计价方式应为 现金（CASH）或 小麦实物（WHEAT）"));
        } else if (terms.inKind()) {
            if (terms.kindJinPerMu() == null || terms.kindJinPerMu().signum() <= 0 || terms.kindJinPerMu().stripTrailingZeros().scale() > 2
                    || terms.kindJinPerMu().compareTo(BigDecimal.valueOf(5000)) > 0) {
                problems.add(new FieldProblem("kindJinPerMu", "实物租金（斤/亩/年）应大于 0、不超过 5000，最多两位小数"));
            }
            Map<String, Object> price = Rents.wheatPrice(jdbc, countyCode, startDay.getYear());
            if (price == null) {
                problems.add(new FieldProblem("rentInKind", "尚未录入 " + startDay.getYear() + " 年及以前的小麦最低收购价，无法折算实物租金"));
            } else {
                wheatPrice = (BigDecimal) price.get("yuan_per_jin");
                priceYear = ((Number) price.get("year")).intValue();
            }
        }
        if ((terms.adjustEveryYears() == null) != (terms.adjustPercent() == null)
                || terms.adjustEveryYears() != null && (terms.adjustEveryYears() < 1 || terms.adjustEveryYears() > 10)
                || terms.adjustPercent() != null && (terms.adjustPercent().signum() <= 0
                        || terms.adjustPercent().compareTo(BigDecimal.valueOf(50)) > 0 || terms.adjustPercent().stripTrailingZeros().scale() > 2)) {
            problems.add(new FieldProblem("adjustPercent", "租金调整：每 1–10 年递增一次，幅度大于 0、不超过 50%（两项同时填写或都不填）"));
        } else if (terms.adjustEveryYears() != null && "ONE_OFF".equals(terms.payment())) {
            problems.add(new FieldProblem("adjustPercent", "一次性支付的流转价款不再调整"));
        }
        String holder = org.ronghe.problem.TextInput.line("depositHolder", "风险保障金保管方", terms.depositHolder(), 100, false, problems);
        if (holder != null && holder.isEmpty()) {
            holder = null;
        }
        if (terms.deposit() != null && terms.deposit().signum() > 0 && holder == null) {
            problems.add(new FieldProblem("depositHolder", "L10（《农村土地经营权流转管理办法》第30条）：请写明风险保障金由谁保管（如乡镇农村经营管理站、银行专户）"));
        }
        Map<String, Object> need = Map.of("area", reviews.transfereeArea(countyCode, transferId), "threshold",
                jdbc.sql("select coalesce((select deposit_threshold_mu from land_rule where county_code = :c), 50)")
                        .param("c", countyCode).query(BigDecimal.class).single());
        if (terms.deposit() != null && terms.deposit().signum() == 0 && need.get("area") != null
                && ((BigDecimal) need.get("area")).compareTo((BigDecimal) need.get("threshold")) > 0) {
            problems.add(new FieldProblem("deposit", "L10（《农村土地经营权流转管理办法》第30条）：受让方在本期限内流转面积 " + need.get("area")
                    + " 亩超过本县 " + ((BigDecimal) need.get("threshold")).stripTrailingZeros().toPlainString()
                    + " 亩的标准，应当缴纳风险保障金"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> existing = jdbc.sql("select * from land_transfer_contract where transfer_id = :t for update")
                .param("t", transferId).query().listOfRows().stream().findFirst().orElse(null);
        if (existing != null && existing.get("transferor_confirmed_at") != null && existing.get("transferee_confirmed_at") != null) {
            throw Refusal.conflict("合同已由双方确认，不能再修改");
        }
        List<Map<String, Object>> parcels = jdbc.sql("""
                select p.code, p.name, tp.area_mu, p.land_type, p.east, p.south, p.west, p.north, c.name as collective,
                       h.head_name, h.head_id_cipher, h.code as household
                from land_transfer_parcel tp join land_parcel p on p.id = tp.parcel_id
                join land_collective c on c.id = p.collective_id join land_household h on h.id = p.household_id
                where tp.transfer_id = :t order by p.code""").param("t", transferId).query().listOfRows();
        String model = "SHARE".equals(t.get("form")) ? "GF-2021-2607" : "GF-2021-2606";
        String number = existing != null ? (String) existing.get("contract_no")
                : "LZ" + ((java.sql.Date) t.get("start_date")).toLocalDate().getYear() + "-" + String.format("%06d", transferId);
        String text = text(number, model, t, parcels, id, terms, wheatPrice, priceYear);
        String hash = sha256(text);
        if (existing == null) {
            jdbc.sql("""
                    insert into land_transfer_contract (county_code, transfer_id, contract_no, model, transferee_id_cipher,
                                                        payment, deposit_yuan, dispute, text, sha256, drafted_by, deposit_holder,
                                                        rent_kind, kind_jin_per_mu, adjust_every_years, adjust_percent,
                                                        drafted_at)
                    values (:c, :t, :no, :m, :id, :pay, :dep, :dis, :text, :hash, :by, :holder, :kind, :jin, :every, :pct,
                            :now)""")
                    .param("now", OffsetDateTime.now(clock)).param("holder", holder).param("kind", terms.inKind() ? "WHEAT" : "CASH")
                    .param("jin", terms.inKind() ? terms.kindJinPerMu() : null).param("every", terms.adjustEveryYears())
                    .param("pct", terms.adjustPercent())
                    .param("c", countyCode).param("t", transferId).param("no", number).param("m", model)
                    .param("id", vault.encrypt(id)).param("pay", terms.payment()).param("dep", terms.deposit())
                    .param("dis", terms.dispute()).param("text", text).param("hash", hash).param("by", by).update();
        } else {
            // a redraft needs both confirmations again
            jdbc.sql("""
                    update land_transfer_contract set transferee_id_cipher = :id, payment = :pay, deposit_yuan = :dep,
                        dispute = :dis, text = :text, sha256 = :hash, transferor_confirmed_at = null, deposit_holder = :holder,
                        rent_kind = :kind, kind_jin_per_mu = :jin, adjust_every_years = :every, adjust_percent = :pct,
                        transferee_confirmed_at = null, drafted_by = :by, drafted_at = :now where transfer_id = :t""")
                    .param("now", OffsetDateTime.now(clock)).param("id", vault.encrypt(id)).param("pay", terms.payment()).param("dep", terms.deposit())
                    .param("dis", terms.dispute()).param("text", text).param("hash", hash).param("by", by)
                    .param("t", transferId).param("holder", holder).param("kind", terms.inKind() ? "WHEAT" : "CASH")
                    .param("jin", terms.inKind() ? terms.kindJinPerMu() : null).param("every", terms.adjustEveryYears())
                    .param("pct", terms.adjustPercent()).update();
        }
        audit.record(countyCode, existing == null ? "LAND_CONTRACT_DRAFTED" : "LAND_CONTRACT_REDRAFTED", "land_transfer",
                String.valueOf(transferId), "起草流转合同 " + number + "（" + model + "）",
                existing == null ? null : Map.of("sha256", existing.get("sha256")), Map.of("sha256", hash));
        return jdbc.sql("select id from land_transfer_contract where transfer_id = :t").param("t", transferId)
                .query(Long.class).single();
    }

    /**
     * Records one party's confirmation of the current text. When both have confirmed, the contract is signed and
     * can no longer change.
     *
     * @param party      TRANSFEROR (承包方) or TRANSFEREE (受让方)
     * @param sha256     the hash of the text the party read; it must be the current one
     * @return whether the contract is now signed by both
     * @throws InvalidInputException  naming {@code party} or {@code sha256} (the text changed since it was read)
     * @throws Refusal 409 when that party has confirmed already, or (L09) a required review is not
     *                                approved
     */
    @Transactional
    public boolean confirm(String countyCode, long transferId, String party, String sha256, String by) {
        Map<String, Object> c = jdbc.sql("select * from land_transfer_contract where transfer_id = :t and county_code = :c for update")
                .param("t", transferId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("流转合同", transferId));
        String column = switch (party == null ? "" : party) {
            case "TRANSFEROR" -> "transferor_confirmed_at";
            case "TRANSFEREE" -> "transferee_confirmed_at";
            default -> throw new InvalidInputException("party", "确认方应为 承包方（TRANSFEROR）或 受让方（TRANSFEREE）");
        };
        if (!c.get("sha256").equals(sha256)) {
            throw new InvalidInputException("sha256", "合同文本已改动，请重新阅读后确认");
        }
        if (c.get(column) != null) {
            throw Refusal.conflict(("TRANSFEROR".equals(party) ? "承包方" : "受让方") + "已确认");
        }
        jdbc.sql("select terminated_on from land_transfer where id = :t and terminated_on is not null").param("t", transferId)
                .query(java.time.LocalDate.class).optional().ifPresent(day -> {
                    throw Refusal.conflict("该流转已于 " + day + " 解除或撤销，合同不能再确认");
                });
        reviews.requireCleared(countyCode, transferId);
        jdbc.sql("update land_transfer_contract set " + column + " = :now where id = :id").param("now", OffsetDateTime.now(clock))
                .param("id", c.get("id")).update();
        boolean signed = jdbc.sql("""
                select transferor_confirmed_at is not null and transferee_confirmed_at is not null
                from land_transfer_contract where id = :id""").param("id", c.get("id")).query(Boolean.class).single();
        if (signed) {
            rents.schedule(countyCode, transferId);
        }
        audit.record(countyCode, signed ? "LAND_CONTRACT_SIGNED" : "LAND_CONTRACT_CONFIRMED", "land_transfer",
                String.valueOf(transferId), ("TRANSFEROR".equals(party) ? "承包方" : "受让方") + "确认流转合同"
                        + (signed ? "，合同成立" : ""), null, Map.of("party", party, "sha256", sha256));
        return signed;
    }

    /** @return the contract of a transfer: number, model, text, hash and confirmations */
    @Transactional(readOnly = true)
    public Map<String, Object> get(String countyCode, long transferId) {
        return jdbc.sql("""
                select contract_no, model, payment, deposit_yuan, deposit_holder, deposit_released_on, deposit_released_to,
                       deposit_release_note, dispute, text, sha256, transferor_confirmed_at,
                       transferee_confirmed_at, (transferor_confirmed_at is not null and transferee_confirmed_at is not null) as signed
                from land_transfer_contract where transfer_id = :t and county_code = :c""")
                .param("t", transferId).param("c", countyCode).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("流转合同", transferId));
    }

    private String text(String number, String model, Map<String, Object> t, List<Map<String, Object>> parcels,
                        String transfereeId, Terms terms, BigDecimal wheatPrice, Integer priceYear) {
        boolean share = "GF-2021-2607".equals(model);
        StringBuilder s = new StringBuilder();
        s.append("农村土地经营权").append(share ? "入股" : "出租").append("合同\n");
        s.append("合同编号：").append(number).append("（参照示范文本 ").append(model).append("）\n\n");
        s.append("第一条 当事人\n");
        java.util.Set<Object> households = new java.util.LinkedHashSet<>();
        for (Map<String, Object> p : parcels) {
            if (households.add(p.get("household"))) {
                s.append(households.size() == 1 ? "甲方（承包方）：" : "甲方（承包方）之" + households.size() + "：")
                        .append(p.get("head_name")).append("，身份证号码 ")
                        .append(Masking.idNumber(vault.decrypt((byte[]) p.get("head_id_cipher")))).append("，承包方编码 ")
                        .append(p.get("household")).append("。\n");
            }
        }
        jdbc.sql("select agent, matters, powers, valid_from, valid_until from land_mandate where transfer_id = :t")
                .param("t", t.get("id")).query().listOfRows().stream().findFirst().ifPresent(m -> s.append("甲方书面委托")
                        .append(m.get("agent")).append("办理本合同（委托事项：").append(m.get("matters")).append("；权限：")
                        .append(m.get("powers")).append("；期限 ").append(m.get("valid_from")).append(" 至 ")
                        .append(m.get("valid_until")).append("）。\n"));
        s
                .append("乙方（受让方）：").append(t.get("transferee_name")).append("，")
                .append(IdentityNumbers.isIdNumber(transfereeId, LocalDate.now(clock))
                        ? "身份证号码 " + Masking.idNumber(transfereeId) : "统一社会信用代码 " + transfereeId).append("。\n\n");
        s.append("第二条 流转土地\n");
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, Object> p : parcels) {
            s.append("地块编码 ").append(p.get("code")).append("，").append(p.get("name")).append("，")
                    .append(LandType.valueOf((String) p.get("land_type")).label()).append(" ").append(p.get("area_mu"))
                    .append(" 亩，坐落").append(p.get("collective")).append("，四至：东至").append(or(p.get("east")))
                    .append("，南至").append(or(p.get("south"))).append("，西至").append(or(p.get("west"))).append("，北至")
                    .append(or(p.get("north"))).append("。\n");
            total = total.add((BigDecimal) p.get("area_mu"));
        }
        s.append("合计 ").append(total).append(" 亩。\n\n");
        s.append("第三条 流转方式\n").append(share ? "甲方以上述土地经营权入股乙方，按约定获得收益。" : "甲方将上述土地经营权出租给乙方。")
                .append("\n\n第四条 土地用途\n乙方只能将流转土地用于").append(use((String) t.get("land_use")))
                .append("，不得改变土地的农业用途，不得弃耕抛荒，不得破坏农业综合生产能力和农业生态环境。\n\n");
        s.append("第五条 流转期限\n自 ").append(t.get("start_date")).append(" 起至 ").append(t.get("end_date"))
                .append(" 止，不超过承包期的剩余期限。\n\n");
        s.append("第六条 流转价款及支付\n");
        if (terms.inKind()) {
            s.append("流转价款以实物计价，为每亩每年小麦 ").append(terms.kindJinPerMu().stripTrailingZeros().toPlainString())
                    .append(" 斤，按支付当年国家公布的小麦最低收购价折算现金支付（").append(priceYear).append(" 年为每斤 ")
                    .append(wheatPrice.stripTrailingZeros().toPlainString()).append(" 元，折合每亩每年 ")
                    .append(terms.kindJinPerMu().multiply(wheatPrice).setScale(2, java.math.RoundingMode.HALF_UP)).append(" 元），");
        } else {
            s.append("流转价款为每亩每年人民币 ").append(t.get("rent_yuan_per_mu")).append(" 元，");
        }
        if (terms.adjustEveryYears() != null) {
            s.append("自第 ").append(terms.adjustEveryYears() + 1).append(" 年起每 ").append(terms.adjustEveryYears())
                    .append(" 年递增 ").append(terms.adjustPercent().stripTrailingZeros().toPlainString()).append("%，");
        }
        s
                .append(switch (terms.payment()) {
                    case "ANNUAL" -> "按年支付，每年在流转年度开始前付清当年价款";
                    case "SEMI_ANNUAL" -> "按半年支付，每半年开始前付清当期价款";
                    default -> "在土地交付前一次付清全部价款";
                }).append("；价款付至甲方本人账户。\n\n");
        s.append("第七条 土地交付\n甲方应在流转期限开始之日将土地交付乙方，双方现场确认地块四至和面积。\n\n");
        s.append("第八条 双方权利和义务\n甲方有权按期收取价款、监督乙方依约使用土地；不得干涉乙方依法进行的农业生产经营。")
                .append("乙方有权在流转期限内依法自主开展农业生产经营并取得收益；再流转或以土地经营权融资担保，须经甲方书面同意并向发包方备案。\n\n");
        s.append("第九条 风险保障金\n").append(terms.deposit().signum() == 0 ? "本合同不设风险保障金。"
                : "乙方缴纳风险保障金人民币 " + terms.deposit() + " 元，由" + terms.depositHolder().strip()
                        + "保管，合同期满且无违约的，全额退还；乙方违约造成损失的，用于补偿甲方或恢复土地。").append("\n\n");
        s.append("第十条 违约责任\n一方违约给对方造成损失的，应当赔偿。乙方改变土地农业用途、弃耕抛荒连续两年以上或给土地造成严重损害的，甲方有权解除合同。\n\n");
        s.append("第十一条 争议解决\n发生争议的，双方协商解决；协商不成的，可请求村民委员会、乡（镇）人民政府调解，")
                .append("ARBITRATION".equals(terms.dispute()) ? "调解不成的向农村土地承包仲裁委员会申请仲裁。"
                        : "调解不成的向人民法院起诉。").append("\n\n");
        s.append("第十二条 备案\n本合同签订后，由发包方备案并报乡（镇）人民政府农村土地承包管理部门。\n");
        s.append("\n本合同一式四份，甲乙双方、发包方和乡（镇）人民政府农村土地承包管理部门各执一份，自双方签字（盖章）之日起生效。\n\n");
        s.append("甲方（签字或按指印）：\n乙方（签字或盖章）：\n签订日期：    年    月    日\n");
        return s.toString();
    }

    private static String or(Object v) {
        return v == null ? "（未注明）" : v.toString();
    }

    private static String use(String code) {
        return switch (code) {
            case "GRAIN" -> "粮食生产";
            case "CASH_CROP" -> "经济作物种植";
            case "VEGETABLE" -> "蔬菜种植";
            case "ORCHARD" -> "果树种植";
            case "FORESTRY" -> "林木种植";
            case "AQUACULTURE" -> "水产养殖";
            default -> "畜牧养殖";
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
