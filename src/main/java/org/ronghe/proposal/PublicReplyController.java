package org.ronghe.proposal;

import java.io.StringWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.servlet.http.HttpServletRequest;
import org.ronghe.account.CurrentUser;
import org.ronghe.department.DepartmentDirectory;
import org.ronghe.problem.NotFoundException;
import org.ronghe.tenancy.CurrentCounty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public pages of disclosed replies ({@code /public/replies}, no login): list with filters by session, unit,
 * category and subject and a text search, each reply with its redacted text, and an Atom feed of new disclosures.
 * The CPPCC office publishes replies from the reply page.
 */
@Controller
class PublicReplyController {

    private final Disclosure disclosure;
    private final CurrentCounty county;
    private final DepartmentDirectory departments;
    private final Clock clock;

    PublicReplyController(Disclosure disclosure, CurrentCounty county, DepartmentDirectory departments, Clock clock) {
        this.clock = clock;
        this.disclosure = disclosure;
        this.county = county;
        this.departments = departments;
    }

    @PostMapping("/replies/{id}/disclose")
    @PreAuthorize("hasAnyRole('ADMIN', 'CPPCC_OFFICE')")
    String disclose(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            disclosure.publish(user.countyCode(), id, user.username());
            redirect.addFlashAttribute("notice", "已公开，公众可在“答复公开”页面查看（已隐去个人联系方式）");
        } catch (org.ronghe.problem.Refusal e) {
            if (e.kind() != org.ronghe.problem.Refusal.Kind.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("notice", e.detail());
        }
        return "redirect:/replies/" + id;
    }

    /** Replies per page of the public list. */
    static final int PAGE_SIZE = 20;

    @GetMapping("/public/replies")
    String list(@RequestParam(defaultValue = "") String session, @RequestParam(required = false) String unit,
                @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String subject,
                @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") String page, Model model) {
        Long unitId = unit != null && unit.matches("\\d{1,18}") ? Long.valueOf(unit) : null;
        int p = page.matches("\\d{1,4}") ? Math.max(1, Integer.parseInt(page)) : 1;
        List<Map<String, Object>> rows = disclosure.published(county.code(), session, unitId, category, subject, q,
                (p - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("replies", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("page", p);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("units", departments.list(county.code()).stream().filter(AssignmentService::isHandlingUnit).toList());
        model.addAttribute("subjects", ProposalService.SUBJECTS);
        model.addAttribute("filter", Map.of("session", session, "unit", unit == null ? "" : unit, "category", category,
                "subject", subject, "q", q));
        return "proposal/public-replies";
    }

    @GetMapping("/public/replies/{id}")
    String reply(@PathVariable long id, Model model) {
        model.addAttribute("r", disclosure.publishedReply(county.code(), id)
                .orElseThrow(() -> new NotFoundException("公开的答复函", id)));
        return "proposal/public-reply";
    }

    /** Atom (RFC 4287) feed of the latest disclosures. */
    @GetMapping(path = "/public/replies.atom", produces = "application/atom+xml")
    @ResponseBody
    ResponseEntity<String> feed(HttpServletRequest request) throws XMLStreamException {
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        List<Map<String, Object>> replies = disclosure.published(county.code(), "", null, "", "", "", 0, 50);
        StringWriter out = new StringWriter();
        XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("feed");
        w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
        element(w, "title", "提案答复公开");
        element(w, "id", base + "/public/replies");
        link(w, base + "/public/replies.atom", "self");
        element(w, "updated", replies.isEmpty() ? OffsetDateTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                : instant(replies.get(0).get("disclosed_at")));
        for (Map<String, Object> r : replies.subList(0, Math.min(50, replies.size()))) {
            w.writeStartElement("entry");
            String url = base + "/public/replies/" + r.get("id");
            element(w, "title", (r.get("doc_number") == null ? "" : r.get("doc_number") + " ")
                    + (r.get("title") == null ? "答复函" : r.get("title")));
            element(w, "id", url);
            link(w, url, "alternate");
            element(w, "updated", instant(r.get("disclosed_at")));
            w.writeStartElement("author");
            element(w, "name", String.valueOf(r.get("issuer")));
            w.writeEndElement();
            element(w, "summary", r.get("session") + " " + (r.get("number") == null ? "" : r.get("number"))
                    + (r.get("proposer") == null ? "" : "（" + r.get("proposer") + "）"));
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(out.toString());
    }

    /** A database timestamp as RFC 3339 (UTC). */
    private String instant(Object value) {
        java.time.Instant i = value instanceof java.sql.Timestamp t ? t.toInstant()
                : value instanceof OffsetDateTime o ? o.toInstant() : clock.instant();
        return DateTimeFormatter.ISO_INSTANT.format(i);
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String href, String rel) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("href", href);
        w.writeAttribute("rel", rel);
    }
}
