package eu.infosharing.governance.audit;

import eu.infosharing.governance.api.PageLanguage;
import eu.infosharing.governance.api.Paging;
import eu.infosharing.governance.api.PageText;
import eu.infosharing.governance.arrangement.Arrangement;
import eu.infosharing.governance.arrangement.ArrangementRepository;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.notification.AuthorityNotification;
import eu.infosharing.governance.notification.AuthorityNotificationRepository;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit view for people: a list of memberships with search and filters, and a read-only page per membership with
 * its timeline, the diagram of each of its processes with the path taken, and links to the evidence. Served as plain
 * HTML (no script of ours inline, so the content security policy stays strict). A member's representative reads it in
 * the member's language, staff in English unless they choose another ({@link PageLanguage}; the page's words in
 * {@code pages/audit_*.properties}, the names of kinds and values from {@link Wording#in}); the free text recorded with
 * an entry is evidence and stays as recorded.
 */
@RestController
public class AuditPageController {

    /** The family of the page's words: {@code pages/audit_<language>.properties}. */
    static final String PAGES = "audit";

    private final MembershipService memberships;
    private final ArrangementRepository arrangements;
    private final Timeline timeline;
    private final AuditChainVerifier verifier;
    private final AuthorityNotificationRepository notifications;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final CurrentUser currentUser;
    private final OrganisationRepository organisations;
    /** Dates and times as people read them: in {@code governance.notification.zone}. */
    private final ZoneId zone;
    /** Memberships per page of the list. */
    static final int LIST_PAGE = 50;
    /** The end of an open-ended "applied until". */
    private static final Instant LAST_DAY = Instant.parse("9999-12-31T00:00:00Z");

    public AuditPageController(MembershipService memberships, ArrangementRepository arrangements, Timeline timeline,
                               AuditChainVerifier verifier, AuthorityNotificationRepository notifications,
                               RepositoryService repositoryService, IdentityService identityService,
                               CurrentUser currentUser, OrganisationRepository organisations, NotificationSettings settings) {
        this.memberships = memberships;
        this.arrangements = arrangements;
        this.timeline = timeline;
        this.verifier = verifier;
        this.notifications = notifications;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.currentUser = currentUser;
        this.organisations = organisations;
        this.zone = settings.getZone();
    }

    @GetMapping(value = "/audit", produces = MediaType.TEXT_HTML_VALUE)
    @Transactional(readOnly = true)
    public String list(@RequestParam(required = false) String q, @RequestParam(required = false) String arrangement,
                       @RequestParam(required = false) String status, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
                       HttpServletRequest request, HttpServletResponse response) {
        Wording.In w = words(request, response);
        PageText t = w.pages();
        DateTimeFormatter time = w.time(zone);
        MembershipStatus wanted = parseStatus(status);
        LocalDate start = parseDate(from);
        LocalDate end = parseDate(to);
        // searched and counted by the database, a page at a time: the list stays as fast at 100,000 memberships
        Page<Membership> found = memberships.auditList(wanted, blank(arrangement) ? null : arrangement, q,
                start == null ? Instant.EPOCH : start.atStartOfDay(zone).toInstant(),
                end == null ? LAST_DAY : end.plusDays(1).atStartOfDay(zone).toInstant(), Paging.of(page, LIST_PAGE));
        StringBuilder html = page(t, t.get("list.title"), request);
        html.append("<h1>").append(t.html("list.heading")).append("</h1><form method=\"get\" class=\"filters\">")
                .append("<label>").append(t.html("list.search")).append(" <input name=\"q\" value=\"").append(esc(q))
                .append("\" placeholder=\"").append(t.html("list.searchHint")).append("\"></label>")
                .append("<label>").append(t.html("list.arrangement")).append(" <select name=\"arrangement\"><option value=\"\">")
                .append(t.html("list.all")).append("</option>");
        for (Arrangement a : arrangements.findAll()) {
            html.append("<option value=\"").append(esc(a.getCode())).append("\"").append(a.getCode().equals(arrangement) ? " selected" : "")
                    .append(">").append(esc(a.getName())).append("</option>");
        }
        html.append("</select></label><label>").append(t.html("list.status")).append(" <select name=\"status\"><option value=\"\">")
                .append(t.html("list.all")).append("</option>");
        for (MembershipStatus s : MembershipStatus.values()) {
            html.append("<option value=\"").append(s).append("\"").append(s == wanted ? " selected" : "").append(">")
                    .append(esc(w.status(s))).append("</option>");
        }
        html.append("</select></label><label>").append(t.html("list.from")).append(" <input type=\"date\" name=\"from\" value=\"")
                .append(esc(from)).append("\"></label><label>").append(t.html("list.to"))
                .append(" <input type=\"date\" name=\"to\" value=\"").append(esc(to)).append("\"></label>")
                .append("<button type=\"submit\">").append(t.html("list.filter")).append("</button></form>")
                .append("<table id=\"memberships\"><thead><tr><th>#</th><th>").append(t.html("list.organisation"))
                .append("</th><th>").append(t.html("list.arrangement")).append("</th><th>").append(t.html("list.status"))
                .append("</th><th>").append(t.html("list.applied")).append("</th></tr></thead><tbody>");
        for (Membership m : found) {
            html.append("<tr><td><a href=\"/audit/memberships/").append(m.getId()).append("\">").append(m.getId()).append("</a></td><td>")
                    .append(esc(m.getOrganisation().getLegalName())).append("</td><td>").append(esc(m.getArrangement().getName()))
                    .append("</td><td>").append(esc(w.status(m.getStatus()))).append("</td><td>").append(esc(time.format(m.getAppliedAt())))
                    .append("</td></tr>");
        }
        html.append("</tbody></table><p id=\"count\">").append(found.isEmpty() ? t.html("list.none")
                : t.html("list.count", found.getTotalElements())).append("</p>");
        if (found.getTotalPages() > 1) {
            html.append("<nav class=\"pager\">");
            if (found.hasPrevious()) {
                html.append("<a rel=\"prev\" href=\"").append(esc(pageLink(request, found.getNumber() - 1))).append("\">")
                        .append(t.html("list.previous")).append("</a> ");
            }
            html.append("<span>").append(t.html("list.page", found.getNumber() + 1, found.getTotalPages())).append("</span>");
            if (found.hasNext()) {
                html.append(" <a rel=\"next\" href=\"").append(esc(pageLink(request, found.getNumber() + 1))).append("\">")
                        .append(t.html("list.next")).append("</a>");
            }
            html.append("</nav>");
        }
        return end(html);
    }

    @GetMapping(value = "/audit/memberships/{id}", produces = MediaType.TEXT_HTML_VALUE)
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ) // the chain's head and trail as of one moment
    public String membership(@PathVariable Long id, @RequestParam(required = false) String process,
                             HttpServletRequest request, HttpServletResponse response) {
        Membership m = timeline.auditable(id);
        Wording.In w = words(request, response);
        PageText t = w.pages();
        DateTimeFormatter time = w.time(zone);
        List<Timeline.Entry> entries = timeline.of(id, w);
        AuditChainVerifier.BrokenLink broken = verifier.verify(m);
        List<HistoricProcessInstance> processes = timeline.processes(m);
        HistoricProcessInstance shown = processes.stream().filter(p -> p.getId().equals(process)).findFirst()
                .orElse(processes.isEmpty() ? null : processes.get(0));

        StringBuilder html = page(t, t.get("membership.title", m.getOrganisation().getLegalName()), request);
        html.append("<p><a href=\"/audit\">").append(t.html("membership.all")).append("</a></p>")
                .append("<h1>").append(t.html("membership.heading", m.getOrganisation().getLegalName(), m.getArrangement().getName())).append("</h1>")
                .append("<p class=\"facts\">").append(esc(m.getOrganisation().displayIdentifiers())).append(" · ")
                .append(t.html("membership.number", m.getId())).append(" · ").append(t.html("membership.status"))
                .append(" <strong id=\"status\" data-code=\"").append(m.getStatus()).append("\">")
                .append(esc(w.status(m.getStatus()))).append("</strong></p>")
                .append("<p id=\"chain\" class=\"").append(broken == null ? "ok" : "broken").append("\">")
                .append(broken == null ? t.html("chain.intact", m.getAuditTrail().size()) : t.html("chain.broken", broken.seq(), broken.reason()))
                .append("</p>")
                .append("<p>").append(t.html("evidence.label")).append(" <a href=\"/api/memberships/").append(id).append("/evidence-pack.pdf\">")
                .append(t.html("evidence.pdf")).append("</a> · <a href=\"/api/memberships/").append(id).append("/evidence-pack.json\">")
                .append(t.html("evidence.json")).append("</a>");
        for (AuthorityNotification n : notifications.findByMembershipIdOrderByIdAsc(id)) {
            if (n.getDocumentSha256() != null) {
                html.append(" · <a href=\"/api/notifications/").append(n.getId()).append("/document\">").append(esc(n.getReference())).append(".pdf</a>");
            }
        }
        html.append("</p>");
        if (shown != null) {
            html.append("<h2>").append(t.html("process.heading")).append("</h2><p>");
            for (HistoricProcessInstance p : processes) {
                html.append(p == shown ? "<strong>" : "<a href=\"/audit/memberships/" + id + "?process=" + esc(p.getId()) + "\">")
                        .append(esc(p.getProcessDefinitionName() == null ? p.getProcessDefinitionKey() : p.getProcessDefinitionName()))
                        .append(" (").append(esc(time.format(p.getStartTime().toInstant()))).append(")")
                        .append(p == shown ? "</strong>" : "</a>").append(" ");
            }
            List<String> passed = timeline.passedActivities(shown.getId());
            html.append("</p><div id=\"diagram\" data-passed=\"").append(esc(passed.stream().map(a -> "\"" + a + "\"")
                    .collect(Collectors.joining(",", "[", "]")))).append("\"></div>")
                    .append("<script type=\"application/xml\" id=\"diagram-xml\">")
                    .append(bpmnXml(shown.getProcessDefinitionId()).replace("</script", "<\\/script")).append("</script>");
        }
        html.append("<h2>").append(t.html("timeline.heading")).append("</h2><p id=\"as-recorded\" class=\"facts\">")
                .append(t.html("timeline.asRecorded")).append("</p><table id=\"timeline\"><thead><tr><th>")
                .append(t.html("timeline.when", zone.getId())).append("</th><th>").append(t.html("timeline.what"))
                .append("</th></tr></thead><tbody>");
        if (entries.isEmpty()) {
            html.append("<tr><td colspan=\"2\">").append(t.html("timeline.none")).append("</td></tr>");
        }
        for (Timeline.Entry e : entries) {
            // the sentence for people; the code stays on the row for machines (and in the JSON timeline)
            html.append("<tr class=\"").append(esc(e.source())).append("\" data-kind=\"").append(esc(e.kind())).append("\"><td>")
                    .append(esc(e.when())).append("</td><td>").append(esc(e.sentence())).append("</td></tr>");
        }
        html.append("</tbody></table>")
                .append("<script src=\"/webjars/bpmn-js/8.0.0/dist/bpmn-navigated-viewer.production.min.js\"></script>")
                .append("<script src=\"/audit-assets/audit.js\"></script>");
        return end(html);
    }

    /**
     * The reader's language: a member's representative reads the member's (its choice, else its organisation's, else
     * its browser's); staff read English unless they choose another with the same switcher and cookie.
     */
    private Wording.In words(HttpServletRequest request, HttpServletResponse response) {
        Optional<Organisation> own = currentUser.readsAllMemberships() ? Optional.empty()
                : organisations.findRepresentedBy(currentUser.groups());
        return Wording.in(own.isEmpty() ? PageLanguage.chooseForStaff(request, response)
                : PageLanguage.choose(request, response, own.map(Organisation::getPreferredLanguage).map(Enum::name)));
    }

    private String bpmnXml(String processDefinitionId) {
        return Privileged.call(identityService, () -> {
            try (InputStream in = repositoryService.getProcessModel(processDefinitionId)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The same list with its search and filters, another page (the language stays in its cookie). */
    private static String pageLink(HttpServletRequest request, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/audit");
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals(PageLanguage.PARAMETER)) {
                link.queryParam(name, (Object[]) values);
            }
        });
        return link.queryParam("page", page).encode().build().toUriString();
    }

    private static MembershipStatus parseStatus(String status) {
        try {
            return blank(status) ? null : MembershipStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String date) {
        return blank(date) ? null : eu.infosharing.governance.api.StrictText.isoDate(date.strip()).orElse(null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static StringBuilder page(PageText t, String title, HttpServletRequest request) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"").append(t.language()).append("\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><link rel=\"stylesheet\" href=\"/webjars/bpmn-js/8.0.0/dist/assets/diagram-js.css\">")
                .append("<style>body{font-family:system-ui,sans-serif;margin:1.5rem 2rem;color:#222}table{border-collapse:collapse;width:100%;font-size:.9rem}")
                .append("th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f4f6f8}")
                .append("tr.engine td{color:#555}#diagram{height:420px;border:1px solid #ccc;margin:.5rem 0 1rem}")
                .append(".passed:not(.djs-connection) .djs-visual>:nth-child(1){fill:#dff5e3!important;stroke:#2b8a3e!important}")
                .append(".passed.djs-connection .djs-visual>path{stroke:#2b8a3e!important}")
                .append(".ok{color:#2b8a3e}.broken{color:#c92a2a;font-weight:bold}.filters label{margin-right:1rem}.facts{color:#555}")
                .append(".languages{float:right;font-size:.9rem}</style></head><body><header>")
                .append(t.switcher(PageLanguage.query(request))).append("<strong>Arrangement Governance</strong> · ")
                .append(t.html("page.header")).append("</header>");
    }

    private static String end(StringBuilder html) {
        return html.append("</body></html>").toString();
    }

    static String esc(String s) {
        return PageText.esc(s);
    }
}
