package org.ronghe.proposal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.account.CurrentUser;
import org.ronghe.document.ExtractedReply;
import org.ronghe.document.LetterReader;
import org.ronghe.document.ReplyExtractor;
import org.ronghe.document.ReplyRenderer;
import org.ronghe.document.Span;
import org.ronghe.document.UnreadableLetterException;
import org.ronghe.problem.InvalidInputException;
import org.ronghe.problem.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Pages of reply letters (公文): the list, import (upload → review the extracted fields beside the highlighted
 * letter, correct, confirm), a reply's page with downloads, and the print preview.
 */
@Controller
class ReplyWebController {

    /** Chinese labels of the fields, in the order the review form shows them. */
    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("issuerMark", "发文机关标志");
        LABELS.put("docNumber", "发文字号");
        LABELS.put("issuer", "发文机关");
        LABELS.put("signatureOrg", "署名机关（与发文机关不同时）");
        LABELS.put("proposalKind", "类型");
        LABELS.put("session", "届次");
        LABELS.put("proposalNumber", "提案号/建议号");
        LABELS.put("proposer", "提案者");
        LABELS.put("proposalTitle", "提案标题");
        LABELS.put("addressee", "主送");
        LABELS.put("category", "办理类别");
        LABELS.put("signer", "签发人");
        LABELS.put("handlers", "承办人员");
        LABELS.put("phone", "联系电话");
        LABELS.put("date", "成文日期");
        LABELS.put("copyTo", "抄送");
    }

    private final ReplyImporter importer;
    private final ReplyAccess access;
    private final ReplyCatalog catalog;
    private final ReplyDocuments documents;
    private final LetterReader reader = new LetterReader();
    private final ReplyExtractor extractor = new ReplyExtractor();

    ReplyWebController(ReplyImporter importer, ReplyAccess access, ReplyCatalog catalog, ReplyDocuments documents) {
        this.importer = importer;
        this.access = access;
        this.catalog = catalog;
        this.documents = documents;
    }

    @GetMapping("/replies")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("replies", access.list(user));
        return "proposal/replies";
    }

    @GetMapping("/replies/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION')")
    String importForm() {
        return "proposal/import";
    }

    /** Reads and extracts every uploaded letter and shows each for review; nothing is stored yet. */
    @PostMapping("/replies/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION')")
    String review(@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model)
            throws IOException {
        List<Map<String, Object>> letters = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
                    continue;
                }
                String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
                Map<String, Object> letter = new LinkedHashMap<>();
                letter.put("file", name);
                letter.put("error", null);
                try {
                    String text = reader.read(name, file.getBytes());
                    ExtractedReply r = extractor.extract(text);
                    letter.put("form", ReplyImport.of(r, text, name));
                    letter.put("segments", segments(text, r.spans()));
                    letter.put("errors", Map.of());
                } catch (UnreadableLetterException e) {
                    letter.put("error", e.getMessage());
                }
                letters.add(letter);
            }
        }
        if (letters.isEmpty()) {
            model.addAttribute("problem", "请选择要导入的答复函文件（.txt、.docx、.pdf 或 .html）");
            return "proposal/import";
        }
        model.addAttribute("letters", letters);
        model.addAttribute("labels", LABELS);
        return "proposal/review";
    }

    /** Stores one reviewed letter with the fields as staff confirmed them. */
    @PostMapping("/replies/import/confirm")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION')")
    String confirm(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> fields,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ReplyImport in = new ReplyImport(fields.get("docNumber"), fields.get("issuerMark"), fields.get("issuer"),
                fields.get("signatureOrg"), fields.get("proposalNumber"), fields.get("proposalKind"),
                fields.get("session"), fields.get("proposer"), fields.get("proposalTitle"), fields.get("addressee"),
                fields.get("category"), fields.get("signer"), split(fields.get("handlers")), fields.get("phone"),
                fields.get("date"), split(fields.get("copyTo")), fields.get("letterText"), fields.get("sourceFile"));
        try {
            ImportOutcome outcome = importer.importReply(user.countyCode(), in);
            if (htmx == null) {
                return "redirect:/replies/" + outcome.replyId();
            }
            model.addAttribute("outcome", outcome);
            model.addAttribute("file", in.sourceFile());
            return "proposal/review :: done";
        } catch (InvalidInputException e) {
            Map<String, Object> letter = new LinkedHashMap<>();
            letter.put("file", in.sourceFile());
            letter.put("error", null);
            letter.put("form", in);
            letter.put("segments", segments(in.letterText() == null ? "" : in.letterText(),
                    extractor.extract(in.letterText() == null ? "" : in.letterText()).spans()));
            letter.put("errors", e.byField());
            model.addAttribute("letters", List.of(letter));
            model.addAttribute("labels", LABELS);
            return htmx == null ? "proposal/review" : "proposal/review :: letters";
        }
    }

    @GetMapping("/replies/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        StoredReply reply = access.readable(user, id);
        model.addAttribute("reply", reply);
        model.addAttribute("commitments", catalog.commitments(id));
        model.addAttribute("figures", catalog.figures(id));
        return "proposal/reply";
    }

    @GetMapping("/replies/{id}/document.{format}")
    @ResponseBody
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                    @PathVariable String format) {
        ReplyRenderer.Format f;
        try {
            f = ReplyRenderer.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("格式", format);
        }
        return ReplyApiController.download(access.readable(user, id), f, documents);
    }

    @GetMapping("/replies/{id}/print")
    String print(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        StoredReply reply = access.readable(user, id);
        model.addAttribute("reply", reply);
        model.addAttribute("pages", java.util.stream.IntStream.rangeClosed(1, documents.pageCount(reply)).boxed().toList());
        return "proposal/print";
    }

    @GetMapping(path = "/replies/{id}/pages/{page}.png", produces = MediaType.IMAGE_PNG_VALUE)
    @ResponseBody
    byte[] page(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable int page) {
        byte[] png = documents.pagePng(access.readable(user, id), page);
        if (png == null) {
            throw new NotFoundException("页", page);
        }
        return png;
    }

    /** One piece of the letter's text: highlighted when it is where a field was read from. */
    record Segment(String text, String field, String label) {
    }

    static List<Segment> segments(String text, Map<String, Span> spans) {
        List<Map.Entry<String, Span>> sorted = spans.entrySet().stream()
                .filter(e -> e.getValue().end() <= text.length() && e.getValue().start() < e.getValue().end())
                .sorted(Comparator.comparingInt((Map.Entry<String, Span> e) -> e.getValue().start())).toList();
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (Map.Entry<String, Span> e : sorted) {
            Span s = e.getValue();
            if (s.start() < at) {
                continue; // overlaps a field already highlighted
            }
            if (s.start() > at) {
                out.add(new Segment(text.substring(at, s.start()), null, null));
            }
            out.add(new Segment(text.substring(s.start(), s.end()), e.getKey(), LABELS.getOrDefault(e.getKey(), e.getKey())));
            at = s.end();
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), null, null));
        }
        return out;
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[、，,；;\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
