package org.ronghe.department;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.ronghe.tenancy.CurrentCounty;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the county's units. Names and codes of government units are public; editing is for administrators. */
@RestController
@RequestMapping("/api/departments")
@Tag(name = "部门 Departments", description = "部门与单位、机关代字、别名")
class DepartmentApiController {

    private final DepartmentDirectory directory;
    private final DepartmentService service;
    private final CurrentCounty county;

    DepartmentApiController(DepartmentDirectory directory, DepartmentService service, CurrentCounty county) {
        this.directory = directory;
        this.service = service;
        this.county = county;
    }

    @GetMapping
    @Operation(summary = "本县全部单位")
    List<Department> list() {
        return directory.list(county.code());
    }

    @GetMapping("/{id}")
    @Operation(summary = "一个单位")
    Department get(@PathVariable long id) {
        return directory.find(id).orElseThrow(() -> new NotFoundException("单位", id));
    }

    @GetMapping("/resolve")
    @Operation(summary = "按名称或别名查找单位", description = "例如 高平市发展和改革委员会 与 高平市发展改革和科技局 得到同一单位")
    Department resolve(@RequestParam(required = false) String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "请提供单位名称");
        }
        return directory.resolve(county.code(), name).orElseThrow(() -> new NotFoundException("单位", name));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "新增单位（系统管理员）")
    Department create(@RequestBody DepartmentForm form) {
        return service.create(county.code(), form);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "修改单位（系统管理员）", description = "version 须为读取时的版本，否则 409")
    Department update(@PathVariable long id, @RequestBody DepartmentForm form) {
        return service.update(county.code(), id, form);
    }
}
