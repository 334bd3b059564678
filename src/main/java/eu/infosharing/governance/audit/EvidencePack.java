package eu.infosharing.governance.audit;

import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.notification.AuthorityNotification;
import eu.infosharing.governance.notification.AuthorityNotificationRepository;
import eu.infosharing.governance.notification.LetterContent;
import eu.infosharing.governance.notification.LetterContents;
import eu.infosharing.governance.notification.NotificationQueries;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.notification.OrganiserSettings;
import eu.infosharing.governance.notification.PdfPages;
import eu.infosharing.governance.organisation.Organisation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an auditor or a supervisor asks for about one membership: the timeline, the notifications with their delivery
 * evidence and letters, and the verdict on the audit chain; as JSON for machines and as a PDF report for people.
 */
@Service
public class EvidencePack {

    private final Timeline timeline;
    private final AuthorityNotificationRepository notifications;
    private final AuditChainVerifier verifier;
    private final CurrentUser currentUser;
    private final OrganiserSettings organiser;
    private final NotificationQueries queries;
    private final NotificationSettings settings;
    /** Times as people read them: in {@code governance.notification.zone}. */
    private final DateTimeFormatter time;

    public EvidencePack(Timeline timeline, AuthorityNotificationRepository notifications, AuditChainVerifier verifier,
                        CurrentUser currentUser, OrganiserSettings organiser, NotificationQueries queries,
                        NotificationSettings settings) {
        this.organiser = organiser;
        this.queries = queries;
        this.settings = settings;
        this.time = Wording.time(settings.getZone());
        this.timeline = timeline;
        this.notifications = notifications;
        this.verifier = verifier;
        this.currentUser = currentUser;
    }

    /**
     * @param onTime         whether the authority was told by its deadline: yes, late, overdue, pending
     * @param acknowledged   the authority's acknowledgement: yes, waived (it does not acknowledge), no
     * @param acknowledgedBy INTAKE's answer, or who recorded it
     */
    public record Notification(String reference, String authority, String event, String legalBasis, String effectiveDate,
                               String dueDate, String status, Instant sentAt, String channel, String messageId,
                               String memberReference, Instant confirmedAt, String confirmedBy, String onTime,
                               String acknowledged, LocalDate acknowledgedOn, String authorityReference,
                               String acknowledgedBy, String documentSha256, String documentUrl) {
    }

    /**
     * @param regimes        the entity's NIS2 status and sector and its DORA entity type (point of Art. 2(1))
     * @param contactPersons the member's contact persons as a supervisor reaches them
     * @param organiser      who runs the arrangement: name, address, contact point
     */
    public record Pack(Long membershipId, String organisation, String identifiers, String regimes, String contactPersons,
                       String arrangement, LetterContent.Organiser organiser, String status,
                       Instant appliedAt, Instant validatedAt, Instant generatedAt, String generatedBy, boolean auditChainIntact,
                       String auditChainProblem, List<Timeline.Entry> timeline, List<Notification> notifications) {
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ) // the chain's head and trail as of one moment
    public Pack of(Long membershipId) {
        Membership m = timeline.auditable(membershipId);
        AuditChainVerifier.BrokenLink broken = verifier.verify(m);
        LocalDate today = settings.today();
        List<Notification> sent = notifications.findByMembershipIdOrderByIdAsc(m.getId()).stream()
                .map(n -> new Notification(n.getReference(), n.getAuthorityCode(), n.getEvent().name(), n.getLegalBasis(),
                        n.getEffectiveDate().toString(), n.getDueDate().toString(), n.getStatus().name(), n.getSentAt(),
                        n.getChannel() == null ? null : n.getChannel().name(), n.getMessageId(), n.getMemberReference(),
                        n.getConfirmedAt(), n.getConfirmedBy(), queries.onTime(n, today), n.acknowledged(),
                        n.getAcknowledgedOn(), n.getAuthorityReference(),
                        n.getAcknowledgementSource() == AuthorityNotification.AcknowledgementSource.INTAKE
                                ? "the authority's intake" : n.getAcknowledgedBy(), n.getDocumentSha256(),
                        n.getDocumentSha256() == null ? null : "/api/notifications/" + n.getId() + "/document"))
                .toList();
        Organisation o = m.getOrganisation();
        return new Pack(m.getId(), o.getLegalName(), o.displayIdentifiers(), o.displayRegimes(),
                LetterContents.contactPersons(o), m.getArrangement().getName(), organiser.organiser(),
                m.getStatus().name(), m.getAppliedAt(), m.getValidatedAt(), Instant.now(),
                currentUser.id(), broken == null, broken == null ? null : "entry #" + broken.seq() + ": " + broken.reason(),
                timeline.of(membershipId), sent);
    }

    /** The report, followed by every notification letter as it was sent. */
    @Transactional(readOnly = true)
    public byte[] pdf(Long membershipId) {
        Pack pack = of(membershipId);
        try (PDDocument report = new PDDocument()) {
            PDDocumentInformation info = report.getDocumentInformation();
            info.setTitle("Evidence pack: membership " + pack.membershipId() + ", " + pack.organisation());
            info.setCreator("Arrangement Governance");
            Writer w = new Writer(report);
            w.line("Evidence pack", 16, true);
            w.line(pack.organisation() + " in " + pack.arrangement(), 12, true);
            w.line(pack.identifiers() + " · membership " + pack.membershipId() + " · status " + Wording.value(pack.status()), 10, false);
            w.line(pack.regimes(), 10, false);
            w.line("Contact person(s): " + pack.contactPersons(), 10, false);
            LetterContent.Organiser organiser = pack.organiser();
            w.line("Arrangement organised by " + organiser.name() + ", " + organiser.address() + "; contact point: "
                    + organiser.contactPoint(), 10, false);
            w.line("Generated " + time.format(pack.generatedAt()) + " (" + settings.getZone() + ") by " + pack.generatedBy(), 10, false);
            w.line("Audit chain: " + (pack.auditChainIntact() ? "intact, every entry verified against its hash"
                    : "BROKEN at " + pack.auditChainProblem()), 10, true);
            w.gap();
            w.line("Notifications to competent authorities", 12, true);
            if (pack.notifications().isEmpty()) {
                w.line("None: the membership has no competent authority to notify.", 10, false);
            }
            for (Notification n : pack.notifications()) {
                w.line(n.reference() + " · " + n.authority() + " · " + Wording.value(n.event()) + " effective " + n.effectiveDate()
                        + ", due " + n.dueDate() + " · " + Wording.value(n.status()) + (n.sentAt() == null ? "" : " at "
                        + time.format(n.sentAt()) + " by " + Wording.value(n.channel()) + ", message id " + n.messageId()) + (n.confirmedAt() == null ? "" : " · confirmed by "
                        + n.confirmedBy() + " with the authority's reference " + n.memberReference())
                        + " · on time: " + n.onTime() + " · acknowledged: " + n.acknowledged()
                        + (n.acknowledgedOn() == null ? "" : " on " + n.acknowledgedOn() + ", authority's reference "
                        + n.authorityReference() + " (" + n.acknowledgedBy() + ")")
                        + (n.documentSha256() == null ? "" : " · letter SHA-256 " + n.documentSha256()), 9, false);
            }
            w.gap();
            w.line("Timeline", 12, true);
            for (Timeline.Entry e : pack.timeline()) {
                w.line(e.when() + " · " + e.sentence(), 9, false);
            }
            w.close();
            PDFMergerUtility merger = new PDFMergerUtility();
            for (AuthorityNotification n : notifications.findByMembershipIdOrderByIdAsc(pack.membershipId())) {
                if (n.getDocument() != null) {
                    try (PDDocument letter = Loader.loadPDF(n.getDocument())) {
                        merger.appendDocument(report, letter);
                    }
                }
            }
            return PdfPages.bytes(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of wrapped text down A4 pages. */
    private static final class Writer {
        private static final float MARGIN = 50;
        private final PdfPages pages;

        Writer(PDDocument doc) {
            this.pages = new PdfPages(doc, MARGIN, MARGIN);
        }

        void line(String text, float size, boolean strong) throws IOException {
            PDFont font = pages.font(strong);
            for (String l : PdfPages.lines(text, font, size, PdfPages.WIDTH - 2 * MARGIN)) {
                pages.room(size);
                pages.show(l, font, size, MARGIN);
                pages.down(size * 1.4f);
            }
        }

        void gap() {
            pages.down(10);
        }

        void close() throws IOException {
            pages.close();
        }
    }
}
