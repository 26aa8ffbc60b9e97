package org.ronghe.region;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.ronghe.problem.NotFoundException;
import org.ronghe.tenancy.CurrentCounty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Region browser (county → township → village) and the administrator's import page. The township list loads a
 * township's villages in place with htmx; without JavaScript the links open the township's own page.
 */
@Controller
class RegionWebController {

    private final RegionDirectory directory;
    private final RegionImporter importer;
    private final CurrentCounty county;

    RegionWebController(RegionDirectory directory, RegionImporter importer, CurrentCounty county) {
        this.directory = directory;
        this.importer = importer;
        this.county = county;
    }

    @GetMapping("/regions")
    String browser() {
        return "redirect:/regions/" + county.code() + "000000";
    }

    @GetMapping("/regions/{code}")
    String unit(@PathVariable String code, @RequestHeader(name = "HX-Request", required = false) String htmx,
                Model model) {
        if (!code.matches("\\d{12}")) {
            throw new NotFoundException("区划", code);
        }
        Region region = directory.find(code).orElseThrow(() -> new NotFoundException("区划", code));
        model.addAttribute("region", region);
        model.addAttribute("children", directory.children(code));
        model.addAttribute("trail", trail(region));
        return htmx != null ? "region/unit :: children" : "region/unit";
    }

    @GetMapping("/admin/regions/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importForm(Model model) {
        model.addAttribute("counties", directory.counties());
        return "region/import";
    }

    @PostMapping("/admin/regions/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(new ImportProblem(0, "file", "请选择要导入的 CSV 文件（文件不能为空）")));
        } else {
            try (InputStream in = file.getInputStream()) {
                model.addAttribute("result", importer.importCsv(in, "导入文件 " + file.getOriginalFilename()));
            } catch (RegionImportException e) {
                model.addAttribute("problems", e.problems());
            }
        }
        model.addAttribute("counties", directory.counties());
        return "region/import";
    }

    private List<Region> trail(Region region) {
        List<Region> trail = new ArrayList<>();
        Region current = region;
        while (current != null && current.level() != RegionLevel.COUNTY) {
            current = directory.find(current.parentCode()).orElse(null);
            if (current != null) {
                trail.add(0, current);
            }
        }
        return trail;
    }
}
