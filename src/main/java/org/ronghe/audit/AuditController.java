package org.ronghe.audit;

import org.ronghe.tenancy.CurrentCounty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators browse the audit trail at {@code /admin/audit}. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditTrail trail;
    private final CurrentCounty county;

    AuditController(AuditTrail trail, CurrentCounty county) {
        this.county = county;
        this.trail = trail;
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
}
