package org.ronghe.land;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ronghe.account.CurrentUser;
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

    /**
     * @param bytes an uploaded file
     * @return its text, read as UTF-8
     * @throws InvalidInputException naming {@code file} when it is not UTF-8 text (e.g. GBK, or a workbook)
     */
    static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new InvalidInputException("file", "文件不是 CSV 文本（如是 Excel 文件，请另存为“CSV UTF-8（逗号分隔）”）");
            }
            return text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException("file", "文件应为 UTF-8 编码的 CSV（可能是 GBK 编码或 Excel 文件：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”）");
        }
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
        try {
            if (bytes.length == 0) {
                throw new InvalidInputException("file", "请选择确权数据文件（CSV，UTF-8）");
            }
            LandRegistry.ImportResult r = registry.importCsv(user.countyCode(), utf8(bytes));
            redirect.addFlashAttribute("notice", "已导入 " + r.collectives() + " 个发包方、" + r.households() + " 户承包方、"
                    + r.parcels() + " 块地");
        } catch (InvalidInputException e) {
            List<String> messages = e.problems().stream().map(p -> p.message()).toList();
            redirect.addFlashAttribute("notice", "未导入：" + String.join("；", messages.subList(0, Math.min(30, messages.size())))
                    + (messages.size() > 30 ? "；……共 " + messages.size() + " 处问题" : ""));
        }
        return "redirect:/land";
    }
}
