package org.ronghe.account;

import java.util.ArrayList;
import java.util.List;

import org.ronghe.department.Department;
import org.ronghe.department.DepartmentDirectory;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators create accounts: every field is checked before the account is stored. */
@Service
public class AccountAdministration {

    /** Names the platform uses itself ({@code system} marks its own work in the audit trail) or may need. */
    static final java.util.Set<String> RESERVED = java.util.Set.of("system", "admin", "root", "anonymous",
            "anonymoususer", "administrator");

    private final UserAccounts accounts;
    private final DepartmentDirectory departments;

    AccountAdministration(UserAccounts accounts, DepartmentDirectory departments) {
        this.accounts = accounts;
        this.departments = departments;
    }

    /**
     * Creates an account with a random initial password, which its user must change at first sign-in.
     *
     * @param countyCode 6-digit county code of the new account
     * @param form       the account's fields
     * @return the initial password in clear, to be handed to the person once
     * @throws InvalidInputException naming every invalid field; nothing is stored then
     */
    @Transactional
    public String create(String countyCode, AccountForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = form.username() == null ? "" : form.username().strip();
        String displayName = TextInput.line("displayName", "姓名", form.displayName(), 50, true, problems);
        String phone = form.phone() == null || form.phone().isBlank() ? null : form.phone().strip();
        if (!username.matches("[a-z0-9._-]{3,32}")) {
            problems.add(new FieldProblem("username", "用户名应为3–32位小写字母、数字、点、下划线或连字符"));
        } else if (RESERVED.contains(username)) {
            problems.add(new FieldProblem("username", "用户名“" + username + "”为系统保留，请换一个"));
        } else if (accounts.find(username).isPresent()) {
            problems.add(new FieldProblem("username", "用户名“" + username + "”已被使用"));
        }
        if (form.role() == null) {
            problems.add(new FieldProblem("role", "请选择角色"));
        }
        if (form.departmentId() != null && (form.role() == Role.PROPOSER || form.role() == Role.ADMIN)) {
            problems.add(new FieldProblem("departmentId", "提案者和系统管理员不属于承办单位，请不要选择单位"));
        } else if (form.departmentId() != null) {
            Department unit = departments.find(form.departmentId()).orElse(null);
            if (unit == null || !unit.countyCode().equals(countyCode)) {
                problems.add(new FieldProblem("departmentId", "所选单位不存在"));
            } else if (!unit.active()) {
                problems.add(new FieldProblem("departmentId", "所选单位已停用"));
            }
        } else if (form.role() == Role.UNIT_STAFF) {
            problems.add(new FieldProblem("departmentId", "承办单位工作人员必须选择所属单位"));
        }
        if (phone != null && (!phone.matches("[0-9+\\- ]{3,20}") || phone.replaceAll("\\D", "").length() < 3)) {
            problems.add(new FieldProblem("phone", "联系电话只能包含数字、空格、+ 和 -，最多20位"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return accounts.createWithGeneratedPassword(new UserAccounts.NewAccount(countyCode, username, displayName,
                form.role(), form.departmentId(), phone));
    }
}
