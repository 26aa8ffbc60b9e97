package org.ronghe.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.TextInput;
import org.ronghe.tenancy.CurrentCounty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a county's administrative units from CSV, all or nothing.
 *
 * <p>Format: UTF-8 (a BOM is allowed), header {@code code,name,level,parent_code}, lines starting with {@code #}
 * are comments; {@code level} is {@code county}, {@code township} or {@code village}. One file holds one county:
 * its county row, or that county already stored, must be present. Every row is checked against the structure of
 * the statistical division code (国家统计局《统计用区划代码和城乡划分代码编制规则》: 12 digits, 6 county + 3 township
 * + 3 village, parent code by prefix) before anything is written; any problem refuses the whole file with
 * every problem listed by line number. Rows whose code already exists are updated (re-importing a file is safe).
 * The import is audited in the importing user's county (the imported county is the record it names).
 */
@Service
public class RegionImporter {

    /** Largest accepted file, in rows (a county has at most a few thousand units). */
    public static final int MAX_ROWS = 20_000;

    private static final List<String> HEADER = List.of("code", "name", "level", "parent_code");

    private final NamedParameterJdbcTemplate jdbc;
    private final RegionDirectory directory;
    private final AuditTrail audit;
    private final CurrentCounty currentCounty;

    RegionImporter(NamedParameterJdbcTemplate jdbc, RegionDirectory directory, AuditTrail audit,
                   CurrentCounty currentCounty) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.currentCounty = currentCounty;
    }

    /**
     * Validates and imports one county file.
     *
     * @param csv    file content (UTF-8); the stream is read fully but not closed
     * @param source where the data comes from, stored with each row (e.g. {@code 国家统计局 2023年度 统计用区划代码})
     * @return counts of what was imported
     * @throws RegionImportException if the file or any row is invalid; nothing is written then
     */
    @Transactional
    public RegionImportResult importCsv(InputStream csv, String source) {
        source = source.length() > 200 ? source.substring(0, 199) + "…" : source;
        List<Row> rows = parse(csv);
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Row> byCode = new LinkedHashMap<>();
        String countyCode = null;
        for (Row row : rows) {
            validateRow(row, problems);
            if (!row.valid) {
                continue;
            }
            if (countyCode == null) {
                countyCode = row.code.substring(0, 6);
            } else if (!row.code.startsWith(countyCode)) {
                problems.add(new ImportProblem(row.line, "code",
                        "不属于本文件的县级单位 " + countyCode + "（一个文件只能包含一个县）"));
                continue;
            }
            Row earlier = byCode.putIfAbsent(row.code, row);
            if (earlier != null) {
                problems.add(new ImportProblem(row.line, "code", "代码 " + row.code + " 与第" + earlier.line + "行重复"));
            }
        }
        if (rows.isEmpty()) {
            problems.add(new ImportProblem(0, null, "文件中没有数据行"));
        }
        for (Row row : byCode.values()) {
            if (row.level != RegionLevel.COUNTY && !byCode.containsKey(row.parentCode)
                    && directory.find(row.parentCode).isEmpty()) {
                problems.add(new ImportProblem(row.line, "parent_code",
                        "上级单位 " + row.parentCode + " 既不在文件中，也不在系统中"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Long.compare(a.line(), b.line()));
            throw new RegionImportException(problems);
        }
        return write(countyCode, byCode, source);
    }

    private RegionImportResult write(String countyCode, Map<String, Row> byCode, String source) {
        Set<String> existing = Set.copyOf(jdbc.queryForList(
                "select code from region where county_code = :county", Map.of("county", countyCode), String.class));
        MapSqlParameterSource[] batch = byCode.values().stream().map(r -> new MapSqlParameterSource()
                .addValue("code", r.code).addValue("county", countyCode).addValue("name", r.name)
                .addValue("level", r.level.name()).addValue("parent", r.parentCode).addValue("source", source))
                .toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into region (code, county_code, name, level, parent_code, source)
                values (:code, :county, :name, :level, :parent, :source)
                on conflict (code) do update set name = excluded.name, level = excluded.level,
                    parent_code = excluded.parent_code, source = excluded.source""", batch);
        int townships = (int) byCode.values().stream().filter(r -> r.level == RegionLevel.TOWNSHIP).count();
        int villages = (int) byCode.values().stream().filter(r -> r.level == RegionLevel.VILLAGE).count();
        int updated = (int) byCode.keySet().stream().filter(existing::contains).count();
        String countyName = byCode.values().stream().filter(r -> r.level == RegionLevel.COUNTY).map(r -> r.name)
                .findFirst().orElseGet(() -> directory.find(countyCode + "000000").map(Region::name).orElse(countyCode));
        RegionImportResult result = new RegionImportResult(countyCode, countyName, townships, villages,
                byCode.size() - updated, updated);
        audit.record(currentCounty.code(), "REGION_IMPORTED", "region", countyCode + "000000",
                "导入区划 " + countyName + "：乡级 " + townships + " 个，村级 " + villages + " 个（新增 "
                        + result.created() + "，更新 " + updated + "）",
                null, Map.of("result", result, "source", source));
        return result;
    }

    private static void validateRow(Row row, List<ImportProblem> problems) {
        int before = problems.size();
        if (!row.code.matches("\\d{12}")) {
            problems.add(new ImportProblem(row.line, "code", "应为12位数字，实为“" + TextInput.quote(row.code) + "”"));
        } else if (row.code.startsWith("00") || row.code.substring(4, 6).equals("00")) {
            problems.add(new ImportProblem(row.line, "code", "代码 " + row.code
                    + " 不是县级或以下单位（第1–2位为省级、第5–6位为县级，均不能为00）"));
        }
        List<FieldProblem> nameProblems = new ArrayList<>();
        row.name = TextInput.line("name", "名称", row.name, 100, true, nameProblems);
        nameProblems.forEach(p -> problems.add(new ImportProblem(row.line, "name", p.message())));
        RegionLevel level = switch (row.levelText.toLowerCase(Locale.ROOT)) {
            case "county" -> RegionLevel.COUNTY;
            case "township" -> RegionLevel.TOWNSHIP;
            case "village" -> RegionLevel.VILLAGE;
            default -> null;
        };
        if (level == null) {
            problems.add(new ImportProblem(row.line, "level",
                    "应为 county、township 或 village，实为“" + TextInput.quote(row.levelText) + "”"));
        }
        if (!row.parentCode.matches("\\d{12}")) {
            problems.add(new ImportProblem(row.line, "parent_code",
                    "应为12位数字，实为“" + TextInput.quote(row.parentCode) + "”"));
        }
        if (problems.size() > before) {
            return;
        }
        RegionLevel implied = RegionLevel.ofCode(row.code);
        if (row.code.substring(6, 9).equals("000") && implied == RegionLevel.VILLAGE) {
            problems.add(new ImportProblem(row.line, "code", "村级代码的乡级部分（第7–9位）不能为000"));
            return;
        }
        if (implied != level) {
            problems.add(new ImportProblem(row.line, "level", "代码 " + row.code + " 的结构表示" + implied.label()
                    + "单位，但层级填写为“" + row.levelText + "”"));
            return;
        }
        String expectedParent = RegionLevel.parentOf(row.code);
        if (!row.parentCode.equals(expectedParent)) {
            problems.add(new ImportProblem(row.line, "parent_code",
                    "上级代码应为 " + expectedParent + "（代码前缀决定上级），实为 " + row.parentCode));
            return;
        }
        row.level = level;
        row.valid = true;
    }

    private static List<Row> parse(InputStream in) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        long[] lastLine = {0};
        try (Reader reader = new InputStreamReader(in, decoder); CSVParser parser = format.parse(reader)) {
            boolean headerSeen = false;
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                lastLine[0] = line;
                List<String> values = record.toList();
                if (!headerSeen) {
                    headerSeen = true;
                    List<String> header = values.stream()
                            .map(v -> v.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
                    if (!header.equals(HEADER)) {
                        throw new RegionImportException(List.of(new ImportProblem(line, null,
                                "表头应为 code,name,level,parent_code，实为 " + TextInput.quote(String.join(",", values)))));
                    }
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new RegionImportException(List.of(new ImportProblem(line, null,
                            "数据行超过上限 " + MAX_ROWS + " 行")));
                }
                if (values.size() != HEADER.size()) {
                    rows.add(Row.broken(line));
                    continue;
                }
                rows.add(new Row(line, values.get(0), values.get(1), values.get(2), values.get(3)));
            }
            if (!headerSeen) {
                throw new RegionImportException(List.of(new ImportProblem(0, null, "文件为空")));
            }
        } catch (CharacterCodingException e) {
            throw new RegionImportException(List.of(new ImportProblem(0, null, "文件不是 UTF-8 编码，请另存为 UTF-8 CSV")));
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw new RegionImportException(List.of(new ImportProblem(0, null, "文件不是 UTF-8 编码，请另存为 UTF-8 CSV")));
            }
            String reason = String.valueOf(cause.getMessage()).contains("EOF reached before encapsulated token")
                    ? "从此行开始的引号（\"）没有闭合" : "此行无法按 CSV 格式读取";
            throw new RegionImportException(List.of(new ImportProblem(lastLine[0] + 1, null, reason)));
        }
        List<Row> broken = rows.stream().filter(r -> r.broken).toList();
        if (!broken.isEmpty()) {
            throw new RegionImportException(broken.stream()
                    .map(r -> new ImportProblem(r.line, null, "应有4列（code,name,level,parent_code）")).toList());
        }
        return rows;
    }

    /** A data line as read, before validation. */
    private static final class Row {
        final long line;
        final String code;
        String name;
        final String levelText;
        final String parentCode;
        final boolean broken;
        RegionLevel level;
        boolean valid;

        Row(long line, String code, String name, String levelText, String parentCode) {
            this(line, code, name, levelText, parentCode, false);
        }

        private Row(long line, String code, String name, String levelText, String parentCode, boolean broken) {
            this.line = line;
            this.code = code;
            this.name = name;
            this.levelText = levelText;
            this.parentCode = parentCode;
            this.broken = broken;
        }

        static Row broken(long line) {
            return new Row(line, "", "", "", "", true);
        }
    }
}
