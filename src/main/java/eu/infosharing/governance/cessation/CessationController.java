package eu.infosharing.governance.cessation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/memberships/{id}")
@Tag(name = "Cessation")
public class CessationController {

    private final CessationService cessations;
    private final CessationQueries queries;

    public CessationController(CessationService cessations, CessationQueries queries) {
        this.cessations = cessations;
        this.queries = queries;
    }

    public record WithdrawalRequest(String reason, String requestedDate) {
    }

    public record CessationRequest(String kind, String reason, String evidence, String effectiveDate) {
    }

    public record DateRequest(String effectiveDate, String reason) {
    }

    public record DateChangeView(LocalDate from, LocalDate to, String changedBy, Instant changedAt, String reason) {
    }

    public record CessationView(Long id, Long membershipId, String kind, String status, String reason, String evidence,
                                String requestedBy, Instant requestedAt, LocalDate requestedDate, LocalDate effectiveDate,
                                String memberResponse, String respondedBy, Instant respondedAt, String decision,
                                String decisionReason, String decidedBy, Instant decidedAt, String cancelledBy,
                                Instant cancelledAt, Instant tookEffectAt, String destructionConfirmedBy,
                                Instant destructionConfirmedAt, String processInstanceId, List<DateChangeView> dateChanges) {
    }

    @PostMapping("/withdrawal")
    @Operation(summary = "The member withdraws: effective after the arrangement's notice period, or on the requested "
            + "date if later. 409 when the membership is not active, has ended, or already has a cessation in progress")
    public ResponseEntity<CessationView> withdraw(@PathVariable Long id, @RequestBody WithdrawalRequest request) {
        Cessation c = cessations.request(id, new CessationService.Request("WITHDRAWAL", request.reason(), null,
                request.requestedDate(), "requestedDate"));
        return ResponseEntity.created(URI.create("/api/memberships/" + id + "/cessations")).body(view(c));
    }

    @PostMapping("/withdrawal/cancellation")
    @Operation(summary = "The member cancels its withdrawal before it takes effect; the membership is active again")
    public CessationView cancel(@PathVariable Long id) {
        return view(cessations.cancelWithdrawal(id));
    }

    @PostMapping("/cessations")
    @Operation(summary = "Coordinators: report a breach (the member is heard, then a decision), a lapse, or that the "
            + "organisation ceased to exist or lost eligibility")
    public ResponseEntity<CessationView> start(@PathVariable Long id, @RequestBody CessationRequest request) {
        Cessation c = cessations.request(id, new CessationService.Request(request.kind() == null ? "" : request.kind(),
                request.reason(), request.evidence(), request.effectiveDate(), "effectiveDate"));
        return ResponseEntity.created(URI.create("/api/memberships/" + id + "/cessations")).body(view(c));
    }

    @PutMapping("/cessation/effective-date")
    @Operation(summary = "Moves the effective date of the pending cessation (coordinators; the member for its own "
            + "withdrawal, not before the notice period ends); the waiting timer follows")
    public CessationView move(@PathVariable Long id, @RequestBody DateRequest request) {
        return view(cessations.moveEffectiveDate(id, request.effectiveDate(), request.reason()));
    }

    @GetMapping("/cessations")
    @Operation(summary = "Every cessation of the membership, cancelled and decided ones included, with moved dates")
    public List<CessationView> list(@PathVariable Long id) {
        return queries.ofMembership(id).stream().map(this::view).toList();
    }

    private CessationView view(Cessation c) {
        return new CessationView(c.getId(), c.getMembership().getId(), c.getKind().name(), c.getStatus().name(),
                c.getReason(), c.getEvidence(), c.getRequestedBy(), c.getRequestedAt(), c.getRequestedDate(),
                c.getEffectiveDate(), c.getMemberResponse(), c.getRespondedBy(), c.getRespondedAt(),
                c.getDecision() == null ? null : c.getDecision().name(), c.getDecisionReason(), c.getDecidedBy(),
                c.getDecidedAt(), c.getCancelledBy(), c.getCancelledAt(), c.getTookEffectAt(),
                c.getDestructionConfirmedBy(), c.getDestructionConfirmedAt(), c.getProcessInstanceId(),
                queries.dateChanges(c).stream().map(d -> new DateChangeView(d.getFromDate(), d.getToDate(),
                        d.getChangedBy(), d.getChangedAt(), d.getReason())).toList());
    }
}
