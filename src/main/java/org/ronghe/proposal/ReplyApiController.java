package org.ronghe.proposal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.account.CurrentUser;
import org.ronghe.document.LetterReader;
import org.ronghe.document.ReplyExtractor;
import org.ronghe.document.ReplyRenderer;
import org.ronghe.document.UnreadableLetterException;
import org.ronghe.problem.FieldProblem;
import org.ronghe.problem.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of reply letters: import, list, read, download as 公文. */
@RestController
@Tag(name = "答复函 Replies", description = "导入答复函（提取要素）、查看、下载 DOCX/PDF/OFD")
class ReplyApiController {

    private final ReplyImporter importer;
    private final ReplyAccess access;
    private final ReplyCatalog catalog;
    private final ReplyDocuments documents;
    private final LetterReader reader = new LetterReader();
    private final ReplyExtractor extractor = new ReplyExtractor();

    ReplyApiController(ReplyImporter importer, ReplyAccess access, ReplyCatalog catalog, ReplyDocuments documents) {
        this.importer = importer;
        this.access = access;
        this.catalog = catalog;
        this.documents = documents;
    }

    @PostMapping(path = "/api/replies/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE', 'SUPERVISION')")
    @Operation(summary = "导入答复函（一个或多个文件）",
            description = "multipart 字段 files：.txt/.docx/.pdf/.html。逐个文件提取要素并入库，每个文件整体成功或整体不写入；"
                    + "已导入过的（正文相同，或文号与发文机关相同）返回 DUPLICATE。全部失败时返回 400。")
    ResponseEntity<?> importFiles(@AuthenticationPrincipal CurrentUser user,
                                                          @RequestParam(name = "files", required = false)
                                                          List<MultipartFile> files) throws IOException {
        if (files == null || files.isEmpty()) {
            throw new InvalidInputException("files", "请上传至少一个答复函文件");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        boolean anyStored = false;
        for (MultipartFile file : files) {
            Map<String, Object> result = new LinkedHashMap<>();
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            result.put("file", name);
            try {
                String text = reader.read(name, file.getBytes());
                ImportOutcome outcome = importer.importReply(user.countyCode(),
                        ReplyImport.of(extractor.extract(text), text, name));
                result.put("status", outcome.status().name());
                result.put("replyId", outcome.replyId());
                result.put("proposalId", outcome.proposalId());
                result.put("departmentId", outcome.departmentId());
                anyStored = true;
            } catch (UnreadableLetterException e) {
                result.put("status", "ERROR");
                result.put("errors", List.of(Map.of("field", "file", "message", e.getMessage())));
            } catch (InvalidInputException e) {
                result.put("status", "ERROR");
                result.put("errors", e.problems().stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message() + "（未能从文件中识别）")).toList());
            }
            results.add(result);
        }
        if (anyStored) {
            return ResponseEntity.ok(results);
        }
        org.springframework.http.ProblemDetail pd = org.springframework.http.ProblemDetail.forStatusAndDetail(
                org.springframework.http.HttpStatus.BAD_REQUEST, "没有文件导入成功，各文件的原因见 results");
        pd.setTitle("答复函未能导入");
        pd.setType(java.net.URI.create("urn:ronghe:problem:reply-import"));
        pd.setProperty("results", results);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    @GetMapping("/api/replies")
    @Operation(summary = "答复函列表（本单位或全县，按权限）")
    List<Map<String, Object>> list(@AuthenticationPrincipal CurrentUser user) {
        return access.list(user).stream().map(ReplyApiController::summary).toList();
    }

    @GetMapping("/api/replies/{id}")
    @Operation(summary = "一件答复函及其承诺事项与数据")
    Map<String, Object> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        StoredReply r = access.readable(user, id);
        Map<String, Object> m = summary(r);
        m.put("issuerMark", r.issuerMark());
        m.put("signatureOrg", r.signatureOrg());
        m.put("addressee", r.addressee());
        m.put("signer", r.signer());
        m.put("handlers", r.handlers());
        m.put("phone", r.phone());
        m.put("copyTo", r.copyTo());
        m.put("commitments", catalog.commitments(r.id()));
        m.put("indicators", catalog.figures(r.id()));
        return m;
    }

    @GetMapping("/api/replies/{id}/document")
    @Operation(summary = "下载答复函公文", description = "format = docx、pdf 或 ofd（GB/T 9704-2012 版式）")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                    @RequestParam(defaultValue = "pdf") String format) {
        ReplyRenderer.Format f;
        try {
            f = ReplyRenderer.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldProblem("format", e.getMessage())));
        }
        return download(access.readable(user, id), f, documents);
    }

    static ResponseEntity<byte[]> download(StoredReply r, ReplyRenderer.Format f, ReplyDocuments documents) {
        byte[] bytes = documents.render(r, f);
        String ext = f.name().toLowerCase(java.util.Locale.ROOT);
        MediaType type = switch (f) {
            case PDF -> MediaType.APPLICATION_PDF;
            case DOCX -> MediaType.parseMediaType(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            case OFD -> MediaType.parseMediaType("application/ofd");
        };
        String name = (r.docNumber() != null ? r.docNumber() : "答复函-" + r.id()) + "." + ext;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    private static Map<String, Object> summary(StoredReply r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("docNumber", r.docNumber());
        m.put("issuer", r.issuer());
        m.put("departmentId", r.departmentId());
        m.put("departmentName", r.departmentName());
        m.put("proposalId", r.proposalId());
        m.put("proposalKind", r.proposalKind());
        m.put("session", r.session());
        m.put("proposalNumber", r.proposalNumber());
        m.put("proposalTitle", r.proposalTitle());
        m.put("proposer", r.proposer());
        m.put("category", r.category());
        m.put("date", r.replyDate().toString());
        return m;
    }
}
