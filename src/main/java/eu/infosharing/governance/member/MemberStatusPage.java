package eu.infosharing.governance.member;

import eu.infosharing.governance.api.NotFoundException;
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
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.util.HtmlUtils;

/**
 * What a member's representative sees of its own organisation's memberships and applications: for each, the steps
 * done with their dates, the step now, who has it (a role, never a person) and what the member must do, with a link to
 * the task in Tasklist when it is the member's. Only the representative's own organisation: another's membership
 * answers as if it did not exist. Plain HTML served by the product, like the audit view.
 */
@RestController
public class MemberStatusPage {

    private final CurrentUser currentUser;
    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final PublicLinks links;
    /** Dates and times as people read them, in {@code governance.notification.zone}: "30 November 2026, 10:35". */
    private final DateTimeFormatter when;
    private final String zone;

    public MemberStatusPage(CurrentUser currentUser, OrganisationRepository organisations, MembershipRepository memberships,
                            TaskService taskService, IdentityService identityService, PublicLinks links,
                            NotificationSettings settings) {
        this.currentUser = currentUser;
        this.organisations = organisations;
        this.memberships = memberships;
        this.taskService = taskService;
        this.identityService = identityService;
        this.links = links;
        this.when = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH).withZone(settings.getZone());
        this.zone = settings.getZone().getId();
    }

    @GetMapping(value = PublicLinks.MEMBER_STATUS_PATH, produces = MediaType.TEXT_HTML_VALUE)
    @Transactional(readOnly = true)
    public String organisation() {
        Organisation own = represented();
        List<Membership> found = memberships.findByOrganisationId(own.getId()).stream()
                .sorted(Comparator.comparing(Membership::getAppliedAt).reversed()).toList();
        StringBuilder html = page(own.getLegalName() + ": memberships and applications");
        html.append("<h1>").append(esc(own.getLegalName())).append(": memberships and applications</h1>");
        if (found.isEmpty()) {
            html.append("<p id=\"none\">Your organisation has no membership or application yet. Apply in <a href=\"")
                    .append(esc(links.tasklist())).append("\">Tasklist</a>: <em>Start process → Membership onboarding</em>.</p>");
        }
        found.forEach(m -> section(html, m));
        return end(html);
    }

    @GetMapping(value = PublicLinks.MEMBER_STATUS_PATH + "/memberships/{id}", produces = MediaType.TEXT_HTML_VALUE)
    @Transactional(readOnly = true)
    public String membership(@PathVariable Long id) {
        Organisation own = represented();
        Membership m = memberships.findById(id).filter(x -> x.getOrganisation().getId().equals(own.getId()))
                .orElseThrow(() -> new NotFoundException("No membership " + id + " of your organisation"));
        StringBuilder html = page(own.getLegalName() + " in " + m.getArrangement().getName());
        html.append("<p><a href=\"").append(PublicLinks.MEMBER_STATUS_PATH).append("\">All memberships of ")
                .append(esc(own.getLegalName())).append("</a></p>");
        section(html, m);
        return end(html);
    }

    /** The organisation the user represents: only its representatives have a status page. */
    private Organisation represented() {
        return organisations.findRepresentedBy(currentUser.groups())
                .orElseThrow(() -> new NotFoundException("You represent no member organisation: this page is for "
                        + "members' representatives"));
    }

    private void section(StringBuilder html, Membership m) {
        Organisation o = m.getOrganisation();
        List<Task> open = openTasks(m);
        String group = o.getRepresentativesGroup().orElse(null);
        List<Task> ours = open.stream().filter(t -> candidateGroups(t).contains(group)).toList();

        html.append("<section class=\"membership\" id=\"membership-").append(m.getId()).append("\"><h2>")
                .append(esc(m.getArrangement().getName())).append("</h2><p class=\"facts\">Reference M-").append(m.getId())
                .append(" · status <strong class=\"status\">").append(esc(label(m.getStatus()))).append("</strong></p>");

        html.append("<h3>What you must do</h3><div class=\"todo\">");
        if (!ours.isEmpty()) {
            html.append("<ul>");
            for (Task t : ours) {
                html.append("<li><a class=\"task\" href=\"").append(esc(links.tasklist())).append("#/?task=")
                        .append(esc(t.getId())).append("\">").append(esc(t.getName())).append("</a> in Tasklist")
                        .append(t.getDueDate() == null ? "" : ", by " + when.format(t.getDueDate().toInstant())).append("</li>");
            }
            html.append("</ul>");
        } else {
            html.append("<p>").append(esc(nothingToDo(m.getStatus()))).append("</p>");
        }
        html.append("</div>");

        html.append("<h3>The step now</h3><table class=\"now\"><thead><tr><th>Step</th><th>Who has it</th><th>Due</th>")
                .append("</tr></thead><tbody>");
        if (open.isEmpty()) {
            html.append("<tr><td colspan=\"3\">").append(esc(idle(m.getStatus()))).append("</td></tr>");
        }
        for (Task t : open) {
            html.append("<tr><td>").append(esc(t.getName())).append("</td><td class=\"who\">")
                    .append(esc(holder(candidateGroups(t), group))).append("</td><td>")
                    .append(t.getDueDate() == null ? "" : when.format(t.getDueDate().toInstant())).append("</td></tr>");
        }
        html.append("</tbody></table>");

        html.append("<h3>Steps done</h3><table class=\"done\"><thead><tr><th>When (").append(esc(zone))
                .append(")</th><th>Step</th></tr></thead><tbody>");
        for (StatusChange c : m.getHistory()) {
            html.append("<tr><td>").append(when.format(c.getChangedAt())).append("</td><td>")
                    .append(esc(label(c.getToStatus())));
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

    /** Who has a step, as a role: the member itself, the coordinators, the DPO, legal, or a sponsoring member. */
    static String holder(List<String> groups, String ownGroup) {
        if (ownGroup != null && groups.contains(ownGroup)) {
            return "you (your organisation's representatives)";
        }
        if (groups.contains(Roles.COORDINATORS)) {
            return "the coordinators";
        }
        if (groups.contains(Roles.PRIVACY)) {
            return "the data protection officer";
        }
        if (groups.contains(Roles.LEGAL)) {
            return "legal counsel (competition law)";
        }
        return groups.isEmpty() ? "the product (an automatic step)" : "a sponsoring member organisation";
    }

    /** A status as people read it. */
    static String label(MembershipStatus s) {
        return switch (s) {
            case SUBMITTED -> "Application submitted";
            case AWAITING_ENDORSEMENT -> "Waiting for the sponsors' endorsement";
            case UNDER_REVIEW -> "Vetting by the coordinators";
            case INFORMATION_REQUESTED -> "More information requested from you";
            case AWAITING_RULES_ACCEPTANCE -> "Approved by the coordinators: the rules of conduct are to be accepted";
            case COMPLIANCE_REVIEW -> "Rules accepted: data-protection and competition-law review";
            case VALIDATED -> "Membership validated";
            case ACTIVE -> "Membership active";
            case SUSPENDED -> "Membership suspended";
            case CESSATION_PENDING -> "Membership ending";
            case CEASED -> "Membership ended";
            case REJECTED -> "Application not accepted";
            case EXPIRED -> "Application expired";
        };
    }

    private static boolean shownReason(MembershipStatus s) {
        return s == MembershipStatus.REJECTED || s == MembershipStatus.EXPIRED || s == MembershipStatus.SUSPENDED
                || s == MembershipStatus.CESSATION_PENDING || s == MembershipStatus.CEASED;
    }

    private static String nothingToDo(MembershipStatus s) {
        return switch (s) {
            case ACTIVE, VALIDATED -> "Nothing: your membership is active.";
            case REJECTED -> "Nothing: the application was not accepted. You may apply again once the reason no longer applies.";
            case EXPIRED -> "Nothing: the application expired. You may apply again at any time.";
            case CEASED -> "Nothing: the membership has ended.";
            default -> "Nothing for now: we will write to you when your organisation must act.";
        };
    }

    private static String idle(MembershipStatus s) {
        return s.isFinal() || s == MembershipStatus.ACTIVE || s == MembershipStatus.VALIDATED
                ? "No open step." : "An automatic step is running; nobody needs to act.";
    }

    private static StringBuilder page(String title) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font-family:system-ui,sans-serif;margin:1.5rem 2rem;color:#222;max-width:60rem}")
                .append("table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ddd;")
                .append("padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f4f6f8}.facts{color:#555}")
                .append("section{border-top:2px solid #ccd;margin-top:1.5rem}.todo{background:#fff8e1;padding:.2rem .8rem}</style>")
                .append("</head><body><header><strong>Arrangement Governance</strong> · your organisation</header>");
    }

    private static String end(StringBuilder html) {
        return html.append("</body></html>").toString();
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
