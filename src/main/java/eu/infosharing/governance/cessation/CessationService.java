package eu.infosharing.governance.cessation;

import eu.infosharing.governance.api.ConflictException;
import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.NotFoundException;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.process.CessationProcess;
import eu.infosharing.governance.process.ProductAction;
import eu.infosharing.governance.process.ReadableDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ways into the exit lifecycle: who may end a membership in which way and when it takes effect, and the changes a
 * pending cessation allows (a moved date, a cancelled withdrawal). The API and the Tasklist start form both come
 * through {@link #request}/{@link #register}. The model's later steps are {@link BreachProcedure} and
 * {@link CessationEffect}; {@link CessationQueries} reads cessations.
 */
@Service
@Transactional
public class CessationService {

    static final int MAX_TEXT = 2000;

    private final MembershipService memberships;
    private final CessationRepository cessations;
    private final CessationDateChangeRepository dateChanges;
    private final CurrentUser currentUser;
    private final NotificationSettings dates;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    public CessationService(MembershipService memberships, CessationRepository cessations,
                            CessationDateChangeRepository dateChanges, CurrentUser currentUser, NotificationSettings dates,
                            RuntimeService runtimeService, IdentityService identityService) {
        this.memberships = memberships;
        this.cessations = cessations;
        this.dateChanges = dateChanges;
        this.currentUser = currentUser;
        this.dates = dates;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /** A request to end a membership; date is the requested (withdrawal) or effective date, YYYY-MM-DD, optional. */
    public record Request(String kind, String reason, String evidence, String date, String dateField) {

        /** A request whose date comes in a field named "date" (the Tasklist start form, other processes). */
        public Request(String kind, String reason, String evidence, String date) {
            this(kind, reason, evidence, date, "date");
        }
    }

    /** Validates, registers and starts membership-cessation: one transaction, so a refusal stores nothing. */
    public Cessation request(Long membershipId, Request request) {
        Cessation c = register(membershipId, request);
        // the product starts the process with the cessation it validated and stored
        ProcessInstance pi = ProductAction.call(() -> runtimeService.startProcessInstanceByKey(CessationProcess.KEY,
                String.valueOf(membershipId), variables(c)));
        c.attachProcess(pi.getId());
        return c;
    }

    /** The variables membership-cessation starts with. */
    public Map<String, Object> variables(Cessation c) {
        Map<String, Object> v = new HashMap<>();
        CessationProcess.MEMBERSHIP_ID.putIn(v, c.getMembership().getId());
        CessationProcess.CESSATION_ID.putIn(v, c.getId());
        CessationProcess.CESSATION_KIND.putIn(v, c.getKind().name());
        CessationProcess.REPRESENTATIVES_GROUP.putIn(v, c.getMembership().getOrganisation().getRepresentativesGroup().orElseThrow());
        if (c.getEffectiveDate() != null) {
            CessationProcess.EFFECTIVE_AT.putIn(v, dates.startOf(c.getEffectiveDate()));
        }
        return v;
    }

    /** Validates and stores the cessation and the membership's new status, without starting a process. */
    public Cessation register(Long membershipId, Request request) {
        Membership m = memberships.getVisible(membershipId);
        boolean coordinator = currentUser.actsForAnyOrganisation();
        boolean representative = currentUser.represents(m.getOrganisation());
        List<FieldProblem> problems = new ArrayList<>();
        Cessation.Kind kind = Cessation.Kind.WITHDRAWAL;
        if (request.kind() != null && !request.kind().isBlank()) {
            try {
                kind = Cessation.Kind.valueOf(request.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("kind", "Way of ending", "must be one of WITHDRAWAL, BREACH, LAPSE, ORGANISATION_CEASED, INELIGIBLE"));
            }
        }
        String reason = text(StrictText.freeText("reason", "Reason", request.reason(), MAX_TEXT,
                "is required: it is kept in the membership's history", problems));
        String evidence = text(StrictText.freeText("evidence", "Evidence", request.evidence(), 4000, null, problems));
        LocalDate date = date(request.date(), request.dateField(),
                kind == Cessation.Kind.WITHDRAWAL ? "Requested date" : "Effective date", problems);
        if (kind == Cessation.Kind.BREACH && evidence.isEmpty()) {
            problems.add(new FieldProblem("evidence", "Evidence", "is required for a breach: what happened, where it is documented"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!coordinator && !(representative && kind == Cessation.Kind.WITHDRAWAL)) {
            throw new ForbiddenException(representative ? "A member's representatives may only request its withdrawal"
                    : "Only the member's representatives and coordinators end a membership");
        }
        checkMayEnd(m);
        LocalDate today = dates.today();
        LocalDate effective = switch (kind) {
            case WITHDRAWAL -> {
                LocalDate earliest = today.plus(m.getArrangement().getNoticePeriod());
                yield date != null && date.isAfter(earliest) ? date : earliest;
            }
            case BREACH -> null;
            default -> date != null ? date : today;
        };
        Cessation c = cessations.save(new Cessation(m, kind, reason, evidence.isEmpty() ? null : evidence, currentUser.id(),
                date, effective));
        m.audit(currentUser.id(), "CESSATION_" + kind, kind.label() + ": " + reason
                + (evidence.isEmpty() ? "" : "; evidence: " + evidence) + (effective == null ? "" : "; effective " + effective));
        if (kind != Cessation.Kind.BREACH) {
            m.transition(MembershipStatus.CESSATION_PENDING, currentUser.id(), kind.label() + ": " + reason
                    + takesEffect(dates, effective));
        }
        return c;
    }

    private void checkMayEnd(Membership m) {
        MembershipStatus s = m.getStatus();
        if (s.isFinal()) {
            throw new ConflictException("The membership is " + s + ": it has already ended");
        }
        if (s != MembershipStatus.ACTIVE && s != MembershipStatus.SUSPENDED && s != MembershipStatus.CESSATION_PENDING) {
            throw new ConflictException("The membership is " + s + ": it is not active yet");
        }
        cessations.findFirstByMembershipIdAndStatusIn(m.getId(), Cessation.Status.OPEN).ifPresent(open -> {
            throw new ConflictException("The membership already has a " + open.getKind().label().toLowerCase(Locale.ROOT)
                    + " in progress" + (open.getEffectiveDate() == null ? "" : ", taking effect on " + open.getEffectiveDate())
                    + ": one cessation at a time");
        });
    }

    // --- while pending -----------------------------------------------------------------------------------------------

    /** Moves the effective date of a pending cessation; the model's timer follows. */
    public Cessation moveEffectiveDate(Long membershipId, String newDate, String reason) {
        Membership m = memberships.getVisible(membershipId);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = date(newDate, "effectiveDate", "Effective date", problems);
        String why = text(StrictText.freeText("reason", "Reason", reason, MAX_TEXT, null, problems));
        if (date == null && problems.isEmpty()) {
            problems.add(new FieldProblem("effectiveDate", "Effective date", "is required, as YYYY-MM-DD"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Cessation c = pending(m);
        boolean representative = currentUser.represents(m.getOrganisation());
        if (!currentUser.isIn(Roles.COORDINATORS)) {
            if (!representative || c.getKind() != Cessation.Kind.WITHDRAWAL) {
                throw new ForbiddenException("Only coordinators move this effective date");
            }
            LocalDate earliest = c.getRequestedAt().atZone(dates.getZone()).toLocalDate().plus(m.getArrangement().getNoticePeriod());
            if (date.isBefore(earliest)) {
                throw new InvalidInputException("effectiveDate", "Effective date",
                        "cannot be before the end of the notice period (" + earliest + ")");
            }
        }
        LocalDate from = c.getEffectiveDate();
        c.moveTo(date);
        dateChanges.save(new CessationDateChange(c.getId(), from, date, currentUser.id(), why));
        m.audit(currentUser.id(), "CESSATION_DATE_MOVED", "Effective date moved from " + from + " to " + date
                + (why.isEmpty() ? "" : ": " + why));
        correlate(c, CessationProcess.DATE_MOVED_MESSAGE, Map.of(CessationProcess.EFFECTIVE_AT.name(), dates.startOf(date)));
        return c;
    }

    /** The member withdraws its withdrawal before it takes effect: the membership is active again. */
    public Cessation cancelWithdrawal(Long membershipId) {
        Membership m = memberships.getVisible(membershipId);
        Cessation c = pending(m);
        if (c.getKind() != Cessation.Kind.WITHDRAWAL) {
            throw new ConflictException("Only a withdrawal can be cancelled; this cessation is a " + c.getKind().label().toLowerCase(Locale.ROOT));
        }
        boolean representative = currentUser.represents(m.getOrganisation());
        if (!representative && !currentUser.isIn(Roles.COORDINATORS)) {
            throw new ForbiddenException("Only the member's representatives and coordinators cancel a withdrawal");
        }
        c.cancel(currentUser.id());
        m.transition(MembershipStatus.ACTIVE, currentUser.id(), "Withdrawal cancelled before it took effect");
        correlate(c, CessationProcess.WITHDRAWAL_CANCELLED_MESSAGE, Map.of());
        return c;
    }

    private Cessation pending(Membership m) {
        return cessations.findFirstByMembershipIdAndStatusIn(m.getId(), Set.of(Cessation.Status.PENDING))
                .orElseThrow(() -> new ConflictException("The membership has no cessation waiting to take effect"));
    }

    private void correlate(Cessation c, String message, Map<String, Object> variables) {
        // the member may not move process instances itself: this is the product acting on its request
        Privileged.run(identityService, () -> runtimeService.createMessageCorrelation(message)
                .processInstanceId(c.getProcessInstanceId()).setVariables(variables).correlate());
    }

    /** The cessation a step of the model names (no visibility check: the product acts, not a person). */
    @Transactional(readOnly = true)
    public Cessation cessation(Long id) {
        return cessations.findById(id).orElseThrow(() -> new NotFoundException("No cessation " + id));
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private LocalDate date(String value, String field, String label, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // exactly YYYY-MM-DD: nothing before or after it is ignored
        LocalDate d = StrictText.isoDate(value).orElse(null);
        if (d == null) {
            problems.add(new FieldProblem(field, label, "must be a date written exactly as YYYY-MM-DD"));
        } else if (d.isBefore(dates.today())) {
            problems.add(new FieldProblem(field, label, "cannot be in the past"));
        }
        return d;
    }

    /**
     * " (takes effect on 30 December 2026)": said with the reason of a membership's change to CESSATION_PENDING, which
     * the member's status page shows as it is, so the date reads as people write it.
     */
    static String takesEffect(NotificationSettings dates, LocalDate effective) {
        return " (takes effect on " + ReadableDates.in(dates.getZone()).date(effective) + ")";
    }

    /** Free text as stored: the cleaned value, or empty. */
    static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
