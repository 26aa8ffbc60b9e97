package org.ronghe.region;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of administrative units. Reading is public (division codes are published statistics). */
@RestController
@RequestMapping("/api/regions")
@Tag(name = "区划 Regions", description = "县—乡—村三级区划（统计用区划代码）")
class RegionApiController {

    private final RegionDirectory directory;
    private final RegionImporter importer;

    RegionApiController(RegionDirectory directory, RegionImporter importer) {
        this.directory = directory;
        this.importer = importer;
    }

    @GetMapping
    @Operation(summary = "本部署中的县级单位", description = "每个县的代码、名称；下级用 /api/regions/{code} 查询")
    List<RegionView.Child> counties() {
        return directory.counties().stream()
                .map(c -> new RegionView.Child(c.code(), c.name(), "county")).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "一个区划及其直接下级",
            description = "code 为12位统计用区划代码。未知代码返回 404，格式错误返回 400（application/problem+json）。")
    RegionView get(@PathVariable String code) {
        if (!code.matches("\\d{12}")) {
            throw new InvalidInputException("code", "应为12位数字（统计用区划代码），实为“" + code + "”");
        }
        Region region = directory.find(code).orElseThrow(() -> new NotFoundException("区划", code));
        return RegionView.of(region, directory.children(code));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "导入一个县的区划 CSV（系统管理员）",
            description = "表头 code,name,level,parent_code；全部校验通过才写入，否则 400 并逐行列出错误。")
    RegionImportResult importFile(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "请选择要导入的 CSV 文件（文件不能为空）");
        }
        try (InputStream in = file.getInputStream()) {
            return importer.importCsv(in, "导入文件 " + file.getOriginalFilename());
        }
    }

    @ExceptionHandler(RegionImportException.class)
    ProblemDetail importRefused(RegionImportException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "文件未导入：共 " + e.problems().size() + " 处错误，请修改后重新导入");
        pd.setTitle("区划文件校验失败");
        pd.setType(URI.create("urn:ronghe:problem:region-import"));
        List<Map<String, Object>> errors = e.problems().stream().map(p -> Map.<String, Object>of(
                "line", p.line(), "field", p.field() == null ? "" : p.field(), "message", p.message())).toList();
        pd.setProperty("errors", errors);
        return pd;
    }
}
