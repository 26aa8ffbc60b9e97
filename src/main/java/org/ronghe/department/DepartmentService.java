package org.ronghe.department;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.problem.TextInput;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and edits units. Every change is validated in full before anything is written and is recorded in the
 * audit trail with its old and new values. A unit's name and aliases share one uniqueness space with every other
 * unit's, enforced by a unique index, so concurrent edits can never give two units the same name.
 */
@Service
public class DepartmentService {

    /** Largest number of aliases a unit may have. */
    public static final int MAX_ALIASES = 50;

    private final JdbcClient jdbc;
    private final DepartmentDirectory directory;
    private final AuditTrail audit;

    DepartmentService(JdbcClient jdbc, DepartmentDirectory directory, AuditTrail audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    /**
     * Creates a unit. Missing {@code active} means active; missing {@code aliases} means none.
     *
     * @param countyCode 6-digit county code
     * @param form       the unit's fields
     * @return the stored unit
     * @throws InvalidInputException naming every invalid field (nothing is written)
     * @throws org.springframework.dao.DuplicateKeyException if a concurrent change took the same name, alias or
     *                                                       机关代字 (nothing is written)
     */
    @Transactional
    public Department create(String countyCode, DepartmentForm form) {
        Clean clean = validate(countyCode, null, form, new ArrayList<>());
        long id = jdbc.sql("""
                insert into department (county_code, name, short_name, doc_code, unit_type, active)
                values (:county, :name, :short, :doc, :type, :active) returning id""")
                .param("county", countyCode).param("name", clean.name).param("short", clean.shortName)
                .param("doc", clean.docCode).param("type", form.unitType().name()).param("active", clean.active)
                .query(Long.class).single();
        writeNames(countyCode, id, clean);
        Department created = directory.find(id).orElseThrow();
        audit.record(countyCode, "DEPARTMENT_CREATED", "department", String.valueOf(id),
                "新增单位 " + created.name(), null, created);
        return created;
    }

    /**
     * Replaces a unit's fields. Every field is required, including {@code version}, {@code active} and
     * {@code aliases} (an empty list removes all aliases): a missing field is an error, never a reset.
     *
     * @param countyCode 6-digit county of the editor; units of other counties are not found
     * @param id         department id
     * @param form       new values; {@code form.version()} must equal the stored version
     * @return the unit after the change (unchanged, with no audit row, when nothing differs)
     * @throws NotFoundException                 if there is no such unit in the county
     * @throws InvalidInputException             naming every invalid field (nothing is written)
     * @throws OptimisticLockingFailureException if someone else changed the unit since {@code form.version()}
     */
    @Transactional
    public Department update(String countyCode, long id, DepartmentForm form) {
        Department before = directory.find(id).filter(d -> d.countyCode().equals(countyCode))
                .orElseThrow(() -> new NotFoundException("单位", id));
        List<FieldProblem> missing = new ArrayList<>();
        if (form.version() == null) {
            missing.add(new FieldProblem("version", "缺少版本号 version（读取单位时得到），用于防止覆盖他人的修改"));
        }
        if (form.active() == null) {
            missing.add(new FieldProblem("active", "缺少 active（是否启用）"));
        }
        if (form.aliases() == null) {
            missing.add(new FieldProblem("aliases", "缺少 aliases（别名列表，没有别名时传空列表）"));
        }
        Clean clean = validate(before.countyCode(), id, form, missing);
        if (form.version() != before.version()) {
            throw new OptimisticLockingFailureException("department " + id + " is at version " + before.version());
        }
        if (clean.sameAs(before, form.unitType())) {
            return before;
        }
        int rows = jdbc.sql("""
                update department set name = :name, short_name = :short, doc_code = :doc, unit_type = :type,
                       active = :active, version = version + 1
                where id = :id and version = :version""")
                .param("name", clean.name).param("short", clean.shortName).param("doc", clean.docCode)
                .param("type", form.unitType().name()).param("active", clean.active)
                .param("id", id).param("version", form.version()).update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("department " + id + " changed since version " + form.version());
        }
        jdbc.sql("delete from department_alias where department_id = :id").param("id", id).update();
        writeNames(before.countyCode(), id, clean);
        Department after = directory.find(id).orElseThrow();
        audit.record(before.countyCode(), "DEPARTMENT_UPDATED", "department", String.valueOf(id),
                "修改单位 " + after.name(), before, after);
        return after;
    }

    private void writeNames(String countyCode, long id, Clean clean) {
        insertAlias(countyCode, id, TextInput.fold(clean.name), true);
        for (String alias : clean.aliases) {
            insertAlias(countyCode, id, alias, false);
        }
    }

    private void insertAlias(String countyCode, long id, String alias, boolean official) {
        jdbc.sql("""
                insert into department_alias (county_code, department_id, alias, official)
                values (:county, :id, :alias, :official)""")
                .param("county", countyCode).param("id", id).param("alias", alias).param("official", official)
                .update();
    }

    private Clean validate(String countyCode, Long selfId, DepartmentForm form, List<FieldProblem> problems) {
        int before = problems.size();
        String name = TextInput.line("name", "单位全称", form.name(), 100, true, problems);
        boolean nameClean = problems.size() == before;
        String shortName = TextInput.line("shortName", "简称", form.shortName(), 40, true, problems);
        before = problems.size();
        String docCode = Normalizer.normalize(
                TextInput.line("docCode", "机关代字", form.docCode(), 20, true, problems), Normalizer.Form.NFKC);
        if (problems.size() == before && docCode.codePointCount(0, docCode.length()) > 20) {
            problems.add(new FieldProblem("docCode", "机关代字不能超过20个字符"));
        }
        boolean docCodeClean = problems.size() == before;
        if (form.unitType() == null) {
            problems.add(new FieldProblem("unitType", "请选择单位类型"));
        }
        String foldedName = nameClean ? TextInput.fold(name) : "";
        Set<String> aliases = new LinkedHashSet<>();
        if (form.aliases() != null) {
            if (form.aliases().size() > MAX_ALIASES) {
                problems.add(new FieldProblem("aliases", "别名最多" + MAX_ALIASES + "个"));
            } else {
                for (String raw : form.aliases()) {
                    List<FieldProblem> aliasProblems = new ArrayList<>();
                    TextInput.line("aliases", "别名“" + TextInput.quote(raw) + "”", raw, 100, false, aliasProblems);
                    problems.addAll(aliasProblems);
                    String alias = TextInput.fold(raw);
                    if (aliasProblems.isEmpty() && alias.codePointCount(0, alias.length()) > 100) {
                        aliasProblems.add(new FieldProblem("aliases", "别名“" + TextInput.quote(raw) + "”不能超过100个字符"));
                        problems.addAll(aliasProblems);
                    }
                    if (aliasProblems.isEmpty() && !alias.isEmpty() && !alias.equals(foldedName)) {
                        aliases.add(alias);
                    }
                }
            }
        }
        if (docCodeClean) {
            jdbc.sql("select id from department where county_code = :county and doc_code = :doc")
                    .param("county", countyCode).param("doc", docCode).query(Long.class).optional()
                    .filter(holder -> !holder.equals(selfId))
                    .ifPresent(holder -> problems.add(
                            new FieldProblem("docCode", "机关代字“" + docCode + "”已被其他单位使用")));
        }
        Set<String> names = new LinkedHashSet<>(aliases);
        if (!foldedName.isEmpty()) {
            names.add(foldedName);
        }
        for (String candidate : names) {
            directory.resolve(countyCode, candidate).filter(d -> selfId == null || d.id() != selfId)
                    .ifPresent(other -> problems.add(new FieldProblem(
                            candidate.equals(foldedName) ? "name" : "aliases",
                            "“" + TextInput.quote(candidate) + "”已是单位「" + other.name() + "」的名称或别名")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Clean(name, shortName, docCode, form.active() == null || form.active(), aliases);
    }

    private record Clean(String name, String shortName, String docCode, boolean active, Set<String> aliases) {

        boolean sameAs(Department d, UnitType type) {
            return name.equals(d.name()) && shortName.equals(d.shortName()) && docCode.equals(d.docCode())
                    && type == d.unitType() && active == d.active() && aliases.equals(new LinkedHashSet<>(d.aliases()));
        }
    }
}
