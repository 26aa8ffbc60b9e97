package org.ronghe.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.tenancy.CountySettings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Administrators browse the audit trail: page {@code /admin/audit}, JSON {@code /api/audit}. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "审计 Audit", description = "操作审计记录（系统管理员）")
class AuditController {

    private final AuditTrail trail;
    private final CountySettings county;

    AuditController(AuditTrail trail, CountySettings county) {
        this.trail = trail;
        this.county = county;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String entityType,
                @RequestParam(defaultValue = "") String entityId, @RequestParam(defaultValue = "") String action,
                @RequestParam(defaultValue = "0") int page, Model model) {
        AuditQuery query = new AuditQuery(county.code(), actor, entityType, entityId, action, page, 50);
        model.addAttribute("query", query);
        model.addAttribute("result", trail.find(query));
        return "audit/list";
    }

    @GetMapping(path = "/api/audit", produces = "application/json")
    @ResponseBody
    @Operation(summary = "审计记录（最新在前）")
    AuditPage api(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String entityType,
                  @RequestParam(defaultValue = "") String entityId, @RequestParam(defaultValue = "") String action,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return trail.find(new AuditQuery(county.code(), actor, entityType, entityId, action, page, size));
    }
}
