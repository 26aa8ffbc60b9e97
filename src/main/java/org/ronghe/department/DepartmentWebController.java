package org.ronghe.department;

import java.util.Arrays;
import java.util.List;

import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.tenancy.CurrentCounty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: the department list, and the administrator's create and edit forms. */
@Controller
class DepartmentWebController {

    private final DepartmentDirectory directory;
    private final DepartmentService service;
    private final CurrentCounty county;

    DepartmentWebController(DepartmentDirectory directory, DepartmentService service, CurrentCounty county) {
        this.directory = directory;
        this.service = service;
        this.county = county;
    }

    @GetMapping("/departments")
    String list(Model model) {
        model.addAttribute("departments", directory.list(county.code()));
        return "department/list";
    }

    @GetMapping("/admin/departments/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newForm(Model model) {
        return form(model, null, DepartmentForm.blank(), null);
    }

    @GetMapping("/admin/departments/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String editForm(@PathVariable long id, Model model) {
        Department d = directory.find(id).filter(u -> u.countyCode().equals(county.code()))
                .orElseThrow(() -> new NotFoundException("单位", id));
        return form(model, id, DepartmentForm.of(d), null);
    }

    @PostMapping("/admin/departments")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String shortName,
                  @RequestParam(defaultValue = "") String docCode, @RequestParam(required = false) String unitType,
                  @RequestParam(defaultValue = "false") boolean active, @RequestParam(defaultValue = "") String aliases,
                  Model model, RedirectAttributes redirect) {
        DepartmentForm form = new DepartmentForm(name, shortName, docCode, parseType(unitType), active,
                lines(aliases), 0);
        try {
            Department d = service.create(county.code(), form);
            redirect.addFlashAttribute("notice", "已新增单位 " + d.name());
            return "redirect:/departments";
        } catch (InvalidInputException e) {
            return form(model, null, form, e);
        } catch (DataIntegrityViolationException e) {
            return form(model, null, form, concurrentDuplicate());
        }
    }

    @PostMapping("/admin/departments/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String shortName, @RequestParam(defaultValue = "") String docCode,
                  @RequestParam(required = false) String unitType, @RequestParam(defaultValue = "false") boolean active,
                  @RequestParam(defaultValue = "") String aliases, @RequestParam(defaultValue = "0") int version,
                  Model model, RedirectAttributes redirect) {
        DepartmentForm form = new DepartmentForm(name, shortName, docCode, parseType(unitType), active,
                lines(aliases), version);
        try {
            Department d = service.update(county.code(), id, form);
            redirect.addFlashAttribute("notice", "已保存单位 " + d.name());
            return "redirect:/departments";
        } catch (InvalidInputException e) {
            return form(model, id, form, e);
        } catch (DataIntegrityViolationException e) {
            return form(model, id, form, concurrentDuplicate());
        } catch (OptimisticLockingFailureException e) {
            return form(model, id, form, new InvalidInputException("version", "该单位已被他人修改，请刷新页面后重新编辑"));
        }
    }

    private String form(Model model, Long id, DepartmentForm form, InvalidInputException errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("unitTypes", UnitType.values());
        model.addAttribute("errors", errors == null ? java.util.Map.of() : errors.byField());
        return "department/form";
    }

    private static InvalidInputException concurrentDuplicate() {
        return new InvalidInputException("name", "名称、别名或机关代字刚被其他操作占用（可能是重复提交），请检查后重试");
    }

    private static UnitType parseType(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(UnitType.values()).filter(t -> t.name().equals(value)).findFirst().orElse(null);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
