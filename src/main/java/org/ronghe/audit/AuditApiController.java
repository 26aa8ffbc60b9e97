package org.ronghe.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.tenancy.CurrentCounty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON access to the audit trail for administrators: {@code GET /api/audit}. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "审计 Audit", description = "操作审计记录（系统管理员）")
class AuditApiController {

    private final AuditTrail trail;
    private final CurrentCounty county;

    AuditApiController(AuditTrail trail, CurrentCounty county) {
        this.county = county;
        this.trail = trail;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "审计记录（最新在前）", description = "page 从 0 开始，size 为 1–200")
    AuditPage list(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String entityType,
                   @RequestParam(defaultValue = "") String entityId, @RequestParam(defaultValue = "") String action,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return trail.find(new AuditQuery(county.code(), actor, entityType, entityId, action, page, size));
    }
}
