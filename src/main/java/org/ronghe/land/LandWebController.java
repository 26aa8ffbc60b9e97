package org.ronghe.land;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.ronghe.account.CurrentUser;
import org.ronghe.problem.FormOutcome;
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
 * agriculture bureau, and what is still being built).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION', 'UNIT_STAFF', 'LEADER')")
class LandWebController {

    private final LandRegistry registry;
    private final LandAccess access;
    private final CurrentCounty county;

    LandWebController(LandRegistry registry, LandAccess access, CurrentCounty county) {
        this.registry = registry;
        this.access = access;
        this.county = county;
    }

    @GetMapping("/land")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "1") String page, Model model) {
        int p = page.matches("\\d{1,5}") ? Math.max(1, Integer.parseInt(page)) : 1;
        String c = user == null ? county.code() : user.countyCode();
        model.addAttribute("summary", registry.summary(c));
        model.addAttribute("parcels", registry.parcels(c, access.mayReadIds(user), (p - 1) * 100, 100));
        model.addAttribute("page", p);
        model.addAttribute("mayImport", access.mayEdit(user));
        model.addAttribute("headers", String.join(",", LandRegistry.HEADERS));
        return "land/land";
    }

    @PostMapping("/land/import")
    String importCsv(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
                     RedirectAttributes redirect) throws IOException {
        access.requireEdit(user);
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        FormOutcome.attempt(redirect, "未导入", () -> {
            if (bytes.length == 0) {
                throw new InvalidInputException("file", "请选择确权数据文件（CSV，UTF-8）");
            }
            LandRegistry.ImportResult r = registry.importCsv(user.countyCode(), new String(bytes, StandardCharsets.UTF_8));
            return "已导入 " + r.collectives() + " 个发包方、" + r.households() + " 户承包方、" + r.parcels() + " 块地";
        });
        return "redirect:/land";
    }
}
