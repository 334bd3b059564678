package eu.infosharing.governance.audit;

import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.notification.AuthorityNotification;
import eu.infosharing.governance.notification.NotificationQueries;
import eu.infosharing.governance.notification.CompetentAuthorityRepository;
import eu.infosharing.governance.notification.NotificationSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit")
public class AuditController {

    private final Timeline timeline;
    private final EvidencePack evidence;
    private final AuditChainVerifier verifier;
    private final NotificationQueries notifications;
    private final NotificationSettings settings;
    private final CurrentUser currentUser;
    private final AuthorityParticipants participants;
    private final CompetentAuthorityRepository authorities;

    public AuditController(Timeline timeline, EvidencePack evidence, AuditChainVerifier verifier,
                           NotificationQueries notifications, NotificationSettings settings, CurrentUser currentUser,
                           AuthorityParticipants participants, CompetentAuthorityRepository authorities) {
        this.timeline = timeline;
        this.evidence = evidence;
        this.verifier = verifier;
        this.notifications = notifications;
        this.settings = settings;
        this.currentUser = currentUser;
        this.participants = participants;
        this.authorities = authorities;
    }

    @GetMapping("/api/memberships/{id}/timeline")
    @Operation(summary = "Everything that happened to the membership, in order, with actor and time")
    public List<Timeline.Entry> timeline(@PathVariable Long id) {
        return timeline.of(id);
    }

    @GetMapping("/api/memberships/{id}/evidence-pack.json")
    @Operation(summary = "The membership's evidence pack, machine-readable")
    public EvidencePack.Pack evidenceJson(@PathVariable Long id) {
        return evidence.of(id);
    }

    @GetMapping(value = "/api/memberships/{id}/evidence-pack.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The membership's evidence pack as a PDF report, with the notification letters appended")
    public ResponseEntity<byte[]> evidencePdf(@PathVariable Long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("evidence-pack-membership-" + id + ".pdf").build().toString())
                .body(evidence.pdf(id));
    }

    @GetMapping(value = "/api/notifications/register.csv", produces = "text/csv")
    @Operation(summary = "Register of the notifications whose event took effect in a period (a supervisor's request), "
            + "written as it is read: its length is not bounded by memory")
    public void register(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String authority, HttpServletResponse response) throws IOException {
        String authorityCode = authority == null || authority.isBlank() ? null : authority.strip().toUpperCase(Locale.ROOT);
        if (authorityCode != null && authorities.findByCode(authorityCode).isEmpty()) {
            throw new InvalidInputException("authority", "Authority", "'" + authority + "' is not a known competent authority "
                    + "(see GET /api/authorities)");
        }
        LocalDate start = date(from, "from", LocalDate.of(1970, 1, 1));
        LocalDate end = date(to, "to", LocalDate.of(9999, 12, 31));
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "To", "is before from");
        }
        LocalDate today = settings.today();
        // nothing is written before the input is checked, so a refusal is still a problem+json
        csvHeaders(response, "notification-register-" + (authorityCode == null ? "" : authorityCode + "-") + start + "-" + end + ".csv");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write("reference,organisation,identifiers,arrangement,authority,event,legal_basis,"
                + "effective_date,due_date,status,sent_or_confirmed_at,channel,message_id_or_member_reference,on_time,"
                + "acknowledged,acknowledged_on,authority_reference\r\n");
        notifications.register(start, end, authorityCode, chunk -> {
            try {
                for (AuthorityNotification n : chunk) {
                    java.time.Instant doneAt = n.doneAt();
                    out.write(String.join(",", cell(n.getReference()), cell(n.getMembership().getOrganisation().getLegalName()),
                            cell(n.getMembership().getOrganisation().displayIdentifiers()), cell(n.getMembership().getArrangement().getCode()),
                            cell(n.getAuthorityCode()), cell(n.getEvent().name()), cell(n.getLegalBasis()), cell(n.getEffectiveDate().toString()),
                            cell(n.getDueDate().toString()), cell(n.getStatus().name()), cell(doneAt == null ? "" : doneAt.toString()),
                            cell(n.getChannel() == null ? (n.getMemberReference() == null ? "" : "member") : n.getChannel().name()),
                            cell(n.getMessageId() != null ? n.getMessageId() : n.getMemberReference()), cell(notifications.onTime(n, today)),
                            cell(n.acknowledged()), cell(n.getAcknowledgedOn() == null ? "" : n.getAcknowledgedOn().toString()),
                            cell(n.getAuthorityReference())));
                    out.write("\r\n");
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @GetMapping("/api/authorities/{code}/participants")
    @Operation(summary = "The members this authority has been told participate (entry notified, cessation not yet): "
            + "coordinators, auditors, administrators")
    public List<AuthorityParticipants.Participant> participants(@PathVariable String code) {
        return participants.of(code);
    }

    @GetMapping(value = "/api/authorities/{code}/participants.csv", produces = "text/csv")
    @Operation(summary = "The same list as CSV, for the authority")
    public ResponseEntity<byte[]> participantsCsv(@PathVariable String code) {
        StringBuilder csv = new StringBuilder("membership,organisation,identifiers,arrangement,membership_status,entry_reference,"
                + "participating_since,told_on,cessation_pending\r\n");
        for (AuthorityParticipants.Participant p : participants.of(code)) {
            csv.append(String.join(",", cell(String.valueOf(p.membershipId())), cell(p.organisation()), cell(p.identifiers()),
                    cell(p.arrangement()), cell(p.membershipStatus()), cell(p.entryReference()),
                    cell(String.valueOf(p.participatingSince())), cell(p.toldOn() == null ? "" : p.toldOn().toString()),
                    cell(p.cessationPending() ? "yes" : "no"))).append("\r\n");
        }
        return csv("participants-" + code.toUpperCase(Locale.ROOT) + ".csv", csv);
    }

    @GetMapping("/api/audit/verification")
    @Operation(summary = "Verifies the audit trail's hash chains and reports the first broken link "
            + "(auditors, coordinators, administrators)", description = """
            By default the incremental check: the entries written since the last check, each membership's chained onto \
            the entry verified last for it, read as of one moment; it moves the checkpoint forward when they are intact. \
            It cannot see an entry changed after it was verified: `full=true` runs the full check, which recomputes every \
            chain from its first entry (500 memberships per snapshot), as the nightly check does. The answer says which \
            check it was (`kind`), what it read (`memberships`, `entries`), whether it is `intact` or the \
            `firstBrokenLink`, up to which entry the trail is verified (`verifiedThroughEntryId`, written at \
            `verifiedThroughAt`), and when the last full check ran and what it found (`lastFullVerification`). Example: \
            `{"kind": "INCREMENTAL", "verifiedAt": "2026-12-01T09:12:03.104Z", "memberships": 3, "entries": 5, \
            "intact": true, "firstBrokenLink": null, "verifiedThroughEntryId": 48213, \
            "verifiedThroughAt": "2026-12-01T09:11:58.220Z", "lastFullVerification": {"startedAt": \
            "2026-12-01T01:30:00.012Z", "finishedAt": "2026-12-01T01:31:12.930Z", "intact": true, "memberships": 1000, \
            "entries": 48190, "firstBrokenLink": null}}`""")
    public AuditChainVerifier.Verification verify(
            @Parameter(description = "true: the full check of every chain from its first entry (slower; finds an entry "
                    + "changed after it was verified)") @RequestParam(defaultValue = "false") boolean full) {
        if (!currentUser.readsAllMemberships()) {
            throw new ForbiddenException("Only auditors, coordinators and administrators verify the audit trail");
        }
        return full ? verifier.verifyAll() : verifier.verifyIncrementally();
    }

    private static void csvHeaders(HttpServletResponse response, String filename) {
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
    }

    private static ResponseEntity<byte[]> csv(String filename, CharSequence csv) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static LocalDate date(String value, String field, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return StrictText.isoDate(value).orElseThrow(() -> new InvalidInputException(field,
                field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1), "must be a date written exactly as YYYY-MM-DD"));
    }

    /** RFC 4180, and no cell a spreadsheet would run as a formula. */
    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
