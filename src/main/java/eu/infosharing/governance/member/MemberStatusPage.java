package eu.infosharing.governance.member;

import eu.infosharing.governance.api.NotFoundException;
import eu.infosharing.governance.api.PageLanguage;
import eu.infosharing.governance.api.PageText;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.mail.PublicLinks;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.StatusChange;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.process.ReadableDates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a member's representative sees of its own organisation's memberships and applications: for each, the steps
 * done with their dates, the step now, who has it (a role, never a person) and what the member must do, with a link to
 * the task in Tasklist when it is the member's. Only the representative's own organisation: another's membership
 * answers as if it did not exist. Plain HTML served by the product, like the audit view, in the member's language
 * (nl, fr, en, de: {@link PageLanguage}, words in {@code pages/member_*.properties}).
 */
@RestController
public class MemberStatusPage {

    /** The family of the page's words: {@code pages/member_<language>.properties}. */
    static final String PAGES = "member";

    private final CurrentUser currentUser;
    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final PublicLinks links;
    /** Dates and times are shown in {@code governance.notification.zone}, in the page's language. */
    private final ZoneId zone;

    public MemberStatusPage(CurrentUser currentUser, OrganisationRepository organisations, MembershipRepository memberships,
                            TaskService taskService, IdentityService identityService, PublicLinks links,
                            NotificationSettings settings) {
        this.currentUser = currentUser;
        this.organisations = organisations;
        this.memberships = memberships;
        this.taskService = taskService;
        this.identityService = identityService;
        this.links = links;
        this.zone = settings.getZone();
    }

    @GetMapping(value = PublicLinks.MEMBER_STATUS_PATH, produces = MediaType.TEXT_HTML_VALUE)
    @Transactional(readOnly = true)
    public String organisation(HttpServletRequest request, HttpServletResponse response) {
        Organisation own = represented();
        Words w = words(own, request, response);
        List<Membership> found = memberships.findByOrganisationId(own.getId()).stream()
                .sorted(Comparator.comparing(Membership::getAppliedAt).reversed()).toList();
        StringBuilder html = page(w, w.text.get("page.title", own.getLegalName()));
        html.append("<h1>").append(w.text.html("page.title", own.getLegalName())).append("</h1>");
        if (found.isEmpty()) {
            html.append("<p id=\"none\">").append(w.text.markup("page.none", "<a href=\"" + esc(links.tasklist())
                    + "\">Tasklist</a>", "<em>Start process → Membership onboarding</em>")).append("</p>");
        }
        found.forEach(m -> section(w, html, m));
        return end(html);
    }

    @GetMapping(value = PublicLinks.MEMBER_STATUS_PATH + "/memberships/{id}", produces = MediaType.TEXT_HTML_VALUE)
    @Transactional(readOnly = true)
    public String membership(@PathVariable Long id, HttpServletRequest request, HttpServletResponse response) {
        Organisation own = represented();
        Words w = words(own, request, response);
        Membership m = memberships.findById(id).filter(x -> x.getOrganisation().getId().equals(own.getId()))
                .orElseThrow(() -> new NotFoundException("No membership " + id + " of your organisation"));
        StringBuilder html = page(w, w.text.get("page.membershipTitle", own.getLegalName(), m.getArrangement().getName()));
        html.append("<p><a href=\"").append(PublicLinks.MEMBER_STATUS_PATH).append("\">")
                .append(w.text.html("page.allMemberships", own.getLegalName())).append("</a></p>");
        section(w, html, m);
        return end(html);
    }

    /** The organisation the user represents: only its representatives have a status page. */
    private Organisation represented() {
        return organisations.findRepresentedBy(currentUser.groups())
                .orElseThrow(() -> new NotFoundException("You represent no member organisation: this page is for "
                        + "members' representatives"));
    }

    /** The page's words and dates in the language chosen for this reader. */
    private record Words(PageText text, ReadableDates dates) {
        String when(java.util.Date date) {
            return date == null ? "" : dates.dateTime(date.toInstant());
        }
    }

    private Words words(Organisation own, HttpServletRequest request, HttpServletResponse response) {
        String language = PageLanguage.choose(request, response,
                Optional.ofNullable(own.getPreferredLanguage()).map(Enum::name));
        PageText text = PageText.of(PAGES, language);
        return new Words(text, ReadableDates.in(zone, text.locale()));
    }

    private void section(Words w, StringBuilder html, Membership m) {
        PageText t = w.text;
        Organisation o = m.getOrganisation();
        List<Task> open = openTasks(m);
        String group = o.getRepresentativesGroup().orElse(null);
        List<Task> ours = open.stream().filter(task -> candidateGroups(task).contains(group)).toList();

        html.append("<section class=\"membership\" id=\"membership-").append(m.getId()).append("\"><h2>")
                .append(esc(m.getArrangement().getName())).append("</h2><p class=\"facts\">").append(t.html("section.reference", m.getId()))
                .append(" · ").append(t.html("section.status")).append(" <strong class=\"status\">")
                .append(t.html(label(m.getStatus()))).append("</strong></p>");

        html.append("<h3>").append(t.html("section.mustDo")).append("</h3><div class=\"todo\">");
        if (!ours.isEmpty()) {
            html.append("<ul>");
            for (Task task : ours) {
                String link = "<a class=\"task\" href=\"" + esc(links.tasklist()) + "#/?task=" + esc(task.getId()) + "\">"
                        + esc(stepName(t, task)) + "</a>";
                html.append("<li>").append(t.markup("section.inTasklist", link))
                        .append(task.getDueDate() == null ? "" : t.html("section.by", w.when(task.getDueDate()))).append("</li>");
            }
            html.append("</ul>");
        } else {
            html.append("<p>").append(t.html(nothingToDo(m.getStatus()))).append("</p>");
        }
        html.append("</div>");

        html.append("<h3>").append(t.html("section.now")).append("</h3><table class=\"now\"><thead><tr><th>")
                .append(t.html("section.step")).append("</th><th>").append(t.html("section.who")).append("</th><th>")
                .append(t.html("section.due")).append("</th></tr></thead><tbody>");
        if (open.isEmpty()) {
            html.append("<tr><td colspan=\"3\">").append(t.html(idle(m.getStatus()))).append("</td></tr>");
        }
        for (Task task : open) {
            html.append("<tr><td>").append(esc(stepName(t, task))).append("</td><td class=\"who\">")
                    .append(t.html(holder(candidateGroups(task), group))).append("</td><td>")
                    .append(w.when(task.getDueDate())).append("</td></tr>");
        }
        html.append("</tbody></table>");

        html.append("<h3>").append(t.html("section.done")).append("</h3><table class=\"done\"><thead><tr><th>")
                .append(t.html("section.when", zone.getId())).append("</th><th>").append(t.html("section.step"))
                .append("</th></tr></thead><tbody>");
        for (StatusChange c : m.getHistory()) {
            html.append("<tr><td>").append(esc(w.dates.dateTime(c.getChangedAt()))).append("</td><td>")
                    .append(t.html(label(c.getToStatus())));
            if (shownReason(c.getToStatus()) && c.getReason() != null && !c.getReason().isBlank()) {
                html.append(": ").append(esc(c.getReason()));
            }
            html.append("</td></tr>");
        }
        html.append("</tbody></table></section>");
    }

    /** The open tasks of every process about the membership (the product looks them up: reviewers' tasks included). */
    private List<Task> openTasks(Membership m) {
        return Privileged.call(identityService, () -> taskService.createTaskQuery()
                .processInstanceBusinessKey(String.valueOf(m.getId())).orderByTaskCreateTime().asc().list());
    }

    private List<String> candidateGroups(Task t) {
        return Privileged.call(identityService, () -> taskService.getIdentityLinksForTask(t.getId()).stream()
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList());
    }

    /** Who has a step, as a role (the key of its words): the member, the coordinators, the DPO, legal, or a sponsor. */
    static String holder(List<String> groups, String ownGroup) {
        if (ownGroup != null && groups.contains(ownGroup)) {
            return "holder.member";
        }
        if (groups.contains(Roles.COORDINATORS)) {
            return "holder.coordinators";
        }
        if (groups.contains(Roles.PRIVACY)) {
            return "holder.privacy";
        }
        if (groups.contains(Roles.LEGAL)) {
            return "holder.legal";
        }
        return groups.isEmpty() ? "holder.automatic" : "holder.sponsor";
    }

    /** The key of a status's words as people read it ("Vetting by the coordinators"). */
    static String label(MembershipStatus s) {
        return "status." + s.name();
    }

    /**
     * A step's name in the page's language: the words of its task ("Aanvraag onderzoeken") followed by what the engine
     * added after the English name (": Statuspagina Agentschap, GRC"); a task without words keeps the engine's name.
     */
    static String stepName(PageText words, Task task) {
        String key = "task." + task.getTaskDefinitionKey();
        String name = task.getName() == null ? "" : task.getName();
        if (!words.has(key)) {
            return name;
        }
        String english = PageText.of(PAGES, "en").get(key);
        return name.startsWith(english) ? words.get(key) + name.substring(english.length()) : name;
    }

    private static boolean shownReason(MembershipStatus s) {
        return s == MembershipStatus.REJECTED || s == MembershipStatus.EXPIRED || s == MembershipStatus.SUSPENDED
                || s == MembershipStatus.CESSATION_PENDING || s == MembershipStatus.CEASED;
    }

    private static String nothingToDo(MembershipStatus s) {
        return switch (s) {
            case ACTIVE, VALIDATED -> "nothing.active";
            case REJECTED -> "nothing.rejected";
            case EXPIRED -> "nothing.expired";
            case CEASED -> "nothing.ceased";
            default -> "nothing.waiting";
        };
    }

    private static String idle(MembershipStatus s) {
        return s.isFinal() || s == MembershipStatus.ACTIVE || s == MembershipStatus.VALIDATED
                ? "idle.none" : "idle.automatic";
    }

    private static StringBuilder page(Words w, String title) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"").append(w.text.language()).append("\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font-family:system-ui,sans-serif;margin:1.5rem 2rem;color:#222;max-width:60rem}")
                .append("table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ddd;")
                .append("padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f4f6f8}.facts{color:#555}")
                .append("section{border-top:2px solid #ccd;margin-top:1.5rem}.todo{background:#fff8e1;padding:.2rem .8rem}")
                .append(".languages{float:right;font-size:.9rem}</style></head><body><header>").append(w.text.switcher(""))
                .append("<strong>Arrangement Governance</strong> · ").append(w.text.html("page.header")).append("</header>");
    }

    private static String end(StringBuilder html) {
        return html.append("</body></html>").toString();
    }

    private static String esc(String s) {
        return PageText.esc(s);
    }
}
