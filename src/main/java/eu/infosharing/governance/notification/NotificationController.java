package eu.infosharing.governance.notification;

import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.Paging;
import eu.infosharing.governance.api.StrictText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications to competent authorities")
public class NotificationController {

    private final NotificationQueries notifications;
    private final NotificationModeService modes;
    private final NotificationSettings settings;
    private final Acknowledgements acknowledgements;

    public NotificationController(NotificationQueries notifications, NotificationModeService modes, NotificationSettings settings,
                                  Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
        this.notifications = notifications;
        this.modes = modes;
        this.settings = settings;
    }

    @GetMapping("/api/memberships/{id}/notifications")
    @Operation(summary = "A membership's notifications to its competent authorities, with their delivery evidence")
    public List<NotificationView> ofMembership(@PathVariable Long id) {
        return notifications.ofMembership(id).stream().map(this::view).toList();
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "Notifications the caller may see, by due date, a page at a time (page from 0, size up to 500; "
            + "the total in X-Total-Count, the other pages in the Link header); a representative sees its own organisation's only")
    public ResponseEntity<List<NotificationView>> search(
            @Parameter(description = "PREPARED, SENT, AWAITING_MEMBER, CONFIRMED, or OVERDUE (not done after its due date)")
            @RequestParam(required = false) String status,
            @Parameter(description = "Authority code, e.g. CCB") @RequestParam(required = false) String authority,
            @Parameter(description = "Only those due before this date (YYYY-MM-DD)")
            @RequestParam(name = "due-before", required = false) String dueBefore,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        boolean overdue = "OVERDUE".equalsIgnoreCase(status == null ? "" : status.strip());
        NotificationStatus wanted = null;
        if (status != null && !status.isBlank() && !overdue) {
            try {
                wanted = NotificationStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "Status",
                        "must be one of PREPARED, SENT, AWAITING_MEMBER, CONFIRMED, OVERDUE");
            }
        }
        LocalDate before = null;
        if (dueBefore != null && !dueBefore.isBlank()) {
            before = StrictText.isoDate(dueBefore).orElseThrow(() -> new InvalidInputException("due-before", "Due before",
                    "must be a date written exactly as YYYY-MM-DD"));
        }
        String code = authority == null || authority.isBlank() ? null : authority.strip().toUpperCase(Locale.ROOT);
        Page<AuthorityNotification> found = notifications.page(wanted, code, before, overdue ? settings.today() : null,
                Paging.of(page, size));
        Map<Long, List<NotificationAttempt>> attempts = notifications.attemptsOf(found.getContent());
        return Paging.answer(found, n -> view(n, attempts.getOrDefault(n.getId(), List.of())));
    }

    @GetMapping("/api/notifications/{id}")
    @Operation(summary = "One notification, with every delivery attempt")
    public NotificationView get(@PathVariable Long id) {
        return view(notifications.getVisible(id));
    }

    @GetMapping(value = "/api/notifications/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The letter as sent (PDF), kept as evidence")
    public ResponseEntity<byte[]> document(@PathVariable Long id) {
        AuthorityNotification n = notifications.getVisible(id);
        byte[] pdf = notifications.document(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(n.getReference() + ".pdf").build().toString())
                .header("X-Content-SHA256", n.getDocumentSha256())
                .body(pdf);
    }

    @PostMapping("/api/notifications/{id}/acknowledgement")
    @Operation(summary = "Records the authority's acknowledgement of a sent notification: the day it acknowledged it "
            + "and its own reference. Coordinators, and the member's representatives for a notification the member sends "
            + "itself; 400 names each bad field, 403 for others, 404 for another organisation's, 409 when it has not been "
            + "sent yet or is already acknowledged. Ends a coordinator's follow-up of the missing acknowledgement")
    public NotificationView acknowledge(@PathVariable Long id, @RequestBody AcknowledgementRequest request) {
        return view(acknowledgements.record(id, request == null ? null : request.acknowledgedOn(),
                request == null ? null : request.authorityReference()));
    }

    /** @param acknowledgedOn YYYY-MM-DD */
    public record AcknowledgementRequest(String acknowledgedOn, String authorityReference) {
    }

    @PutMapping("/api/memberships/{id}/notification-mode")
    @Operation(summary = "The member (or a coordinator) chooses who sends its notifications; switching to "
            + "SEND_ON_BEHALF sends the ones still waiting for the member")
    public ModeView chooseMode(@PathVariable Long id, @RequestBody ModeRequest request) {
        List<AuthorityNotification> takenOver = modes.choose(id, request == null ? null : request.mode());
        return new ModeView(request.mode().strip().toUpperCase(Locale.ROOT),
                takenOver.stream().map(AuthorityNotification::getReference).toList());
    }

    public record ModeRequest(String mode) {
    }

    public record ModeView(String mode, List<String> takenOver) {
    }

    public record AttemptView(Instant attemptedAt, String outcome, String channel, String address, String messageId,
                              String detail) {
    }

    public record NotificationView(Long id, String reference, Long membershipId, String organisation, String arrangement,
                                   String authorityCode, String event, String legalBasis, LocalDate effectiveDate,
                                   LocalDate dueDate, String mode, String language, String status, boolean overdue,
                                   String channel, String channelAddress, Instant sentAt, String messageId, int attempts,
                                   String lastError, int reminders, Instant escalatedAt, String confirmedBy,
                                   Instant confirmedAt, String memberReference, LocalDate memberSentOn,
                                   String documentSha256, String documentUrl, String processInstanceId,
                                   List<AttemptView> deliveryAttempts, String onTime, String acknowledged,
                                   String acknowledgementSource, LocalDate acknowledgedOn, String authorityReference,
                                   String acknowledgedBy, LocalDate acknowledgementDue) {
    }

    private NotificationView view(AuthorityNotification n) {
        return view(n, notifications.attemptsOf(n));
    }

    private NotificationView view(AuthorityNotification n, List<NotificationAttempt> attemptsOfN) {
        List<AttemptView> attempts = attemptsOfN.stream()
                .map(a -> new AttemptView(a.getAttemptedAt(), a.getOutcome().name(), a.getChannel().name(),
                        a.getChannelAddress(), a.getMessageId(), a.getDetail())).toList();
        return new NotificationView(n.getId(), n.getReference(), n.getMembership().getId(),
                n.getMembership().getOrganisation().getLegalName(), n.getMembership().getArrangement().getCode(),
                n.getAuthorityCode(), n.getEvent().name(), n.getLegalBasis(), n.getEffectiveDate(), n.getDueDate(),
                n.getMode().name(), n.getLanguage().name(), n.getStatus().name(), n.isOverdue(settings.today()),
                n.getChannel() == null ? null : n.getChannel().name(), n.getChannelAddress(), n.getSentAt(),
                n.getMessageId(), n.getAttempts(), n.getLastError(), n.getReminders(), n.getEscalatedAt(),
                n.getConfirmedBy(), n.getConfirmedAt(), n.getMemberReference(), n.getMemberSentOn(),
                n.getDocumentSha256(), n.getDocumentSha256() == null ? null : "/api/notifications/" + n.getId() + "/document",
                n.getProcessInstanceId(), attempts, notifications.onTime(n, settings.today()), n.acknowledged(),
                n.getAcknowledgementSource() == null ? null : n.getAcknowledgementSource().name(), n.getAcknowledgedOn(),
                n.getAuthorityReference(), n.getAcknowledgedBy(), acknowledgements.due(n));
    }
}
