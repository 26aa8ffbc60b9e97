package org.ronghe.department;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ronghe.audit.AuditTrail;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and edits units. Every change is validated in full before anything is written and is recorded in the
 * audit trail with its old and new values.
 */
@Service
public class DepartmentService {

    private final JdbcClient jdbc;
    private final DepartmentDirectory directory;
    private final AuditTrail audit;

    DepartmentService(JdbcClient jdbc, DepartmentDirectory directory, AuditTrail audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    /**
     * Creates a unit.
     *
     * @param countyCode 6-digit county code
     * @param form       the unit's fields
     * @return the stored unit
     * @throws InvalidInputException naming every invalid field (nothing is written)
     */
    @Transactional
    public Department create(String countyCode, DepartmentForm form) {
        Clean clean = validate(countyCode, null, form);
        long id = jdbc.sql("""
                insert into department (county_code, name, short_name, doc_code, unit_type, active)
                values (:county, :name, :short, :doc, :type, :active) returning id""")
                .param("county", countyCode).param("name", clean.name).param("short", clean.shortName)
                .param("doc", clean.docCode).param("type", form.unitType().name()).param("active", clean.active)
                .query(Long.class).single();
        writeAliases(countyCode, id, clean.aliases);
        Department created = directory.find(id).orElseThrow();
        audit.record(countyCode, "DEPARTMENT_CREATED", "department", String.valueOf(id),
                "新增单位 " + created.name(), null, created);
        return created;
    }

    /**
     * Updates a unit.
     *
     * @param id   department id
     * @param form new values; {@code form.version()} must equal the stored version
     * @return the updated unit
     * @throws NotFoundException                 if there is no such unit
     * @throws InvalidInputException             naming every invalid field (nothing is written)
     * @throws OptimisticLockingFailureException if someone else changed the unit since {@code form.version()}
     */
    @Transactional
    public Department update(long id, DepartmentForm form) {
        Department before = directory.find(id).orElseThrow(() -> new NotFoundException("单位", id));
        Clean clean = validate(before.countyCode(), id, form);
        int version = form.version() == null ? before.version() : form.version();
        int rows = jdbc.sql("""
                update department set name = :name, short_name = :short, doc_code = :doc, unit_type = :type,
                       active = :active, version = version + 1
                where id = :id and version = :version""")
                .param("name", clean.name).param("short", clean.shortName).param("doc", clean.docCode)
                .param("type", form.unitType().name()).param("active", clean.active)
                .param("id", id).param("version", version).update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("department " + id + " changed since version " + version);
        }
        jdbc.sql("delete from department_alias where department_id = :id").param("id", id).update();
        writeAliases(before.countyCode(), id, clean.aliases);
        Department after = directory.find(id).orElseThrow();
        audit.record(before.countyCode(), "DEPARTMENT_UPDATED", "department", String.valueOf(id),
                "修改单位 " + after.name(), before, after);
        return after;
    }

    private void writeAliases(String countyCode, long id, Set<String> aliases) {
        for (String alias : aliases) {
            jdbc.sql("insert into department_alias (county_code, department_id, alias) values (:county, :id, :alias)")
                    .param("county", countyCode).param("id", id).param("alias", alias).update();
        }
    }

    private Clean validate(String countyCode, Long selfId, DepartmentForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = strip(form.name());
        String shortName = strip(form.shortName());
        String docCode = strip(form.docCode());
        required(problems, "name", "单位全称", name, 100);
        required(problems, "shortName", "简称", shortName, 40);
        required(problems, "docCode", "机关代字", docCode, 20);
        if (form.unitType() == null) {
            problems.add(new FieldProblem("unitType", "请选择单位类型"));
        }
        Set<String> aliases = new LinkedHashSet<>();
        if (form.aliases() != null) {
            for (String raw : form.aliases()) {
                String alias = DepartmentNames.normalise(raw);
                if (alias.isEmpty()) {
                    continue;
                }
                if (alias.length() > 100) {
                    problems.add(new FieldProblem("aliases", "别名“" + alias + "”超过100个字符"));
                } else if (!alias.equals(DepartmentNames.normalise(name))) {
                    aliases.add(alias);
                }
            }
        }
        if (!docCode.isEmpty()) {
            Long holder = jdbc.sql("select id from department where county_code = :county and doc_code = :doc")
                    .param("county", countyCode).param("doc", docCode).query(Long.class).optional().orElse(null);
            if (holder != null && !holder.equals(selfId)) {
                problems.add(new FieldProblem("docCode", "机关代字“" + docCode + "”已被其他单位使用"));
            }
        }
        Set<String> names = new LinkedHashSet<>(aliases);
        if (!name.isEmpty()) {
            names.add(DepartmentNames.normalise(name));
        }
        for (String candidate : names) {
            directory.resolve(countyCode, candidate).filter(d -> selfId == null || d.id() != selfId)
                    .ifPresent(other -> problems.add(new FieldProblem(
                            candidate.equals(DepartmentNames.normalise(name)) ? "name" : "aliases",
                            "“" + candidate + "”已是单位「" + other.name() + "」的名称或别名")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Clean(name, shortName, docCode, form.active() == null || form.active(), aliases);
    }

    private static void required(List<FieldProblem> problems, String field, String label, String value, int max) {
        if (value.isEmpty()) {
            problems.add(new FieldProblem(field, label + "不能为空"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, label + "不能超过" + max + "个字符"));
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private record Clean(String name, String shortName, String docCode, boolean active, Set<String> aliases) {
    }
}
