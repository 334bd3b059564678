package eu.infosharing.governance.notification;

import eu.infosharing.governance.api.NotFoundException;
import eu.infosharing.governance.api.Paging;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reading notifications: what the current user may see of them (the API, the audit read side), the one a step of a
 * model names by its reference, and when and whether in time the authority was told.
 */
@Service
public class NotificationQueries {

    private final AuthorityNotificationRepository notifications;
    private final NotificationAttemptRepository attempts;
    private final MembershipService memberships;
    private final NotificationSettings settings;
    private final TransactionTemplate readOnly;

    public NotificationQueries(AuthorityNotificationRepository notifications, NotificationAttemptRepository attempts,
                               MembershipService memberships, NotificationSettings settings,
                               PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.attempts = attempts;
        this.memberships = memberships;
        this.settings = settings;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Transactional(readOnly = true)
    public List<AuthorityNotification> ofMembership(Long membershipId) {
        Membership m = memberships.getVisible(membershipId);
        return notifications.findByMembershipIdOrderByIdAsc(m.getId());
    }

    /** Every notification the current user may see: a representative only its own organisation's. */
    @Transactional(readOnly = true)
    public List<AuthorityNotification> search(NotificationStatus status, String authority, LocalDate dueBefore) {
        MembershipService.ListScope scope = memberships.listScope();
        return scope.nothing() ? List.of() : notifications.search(status, authority, dueBefore, scope.organisationId());
    }

    /**
     * One page of the notifications the current user may see, in due-date order; {@code overdueOn} (may be null) keeps
     * those not done by the day before it.
     */
    @Transactional(readOnly = true)
    public Page<AuthorityNotification> page(NotificationStatus status, String authority, LocalDate dueBefore,
                                            LocalDate overdueOn, Paging paging) {
        MembershipService.ListScope scope = memberships.listScope();
        if (scope.nothing()) {
            return Page.empty(paging.pageable());
        }
        return notifications.page(status, authority, dueBefore, scope.organisationId(), overdueOn, NotificationStatus.DONE,
                paging.pageable());
    }

    /**
     * The register of notifications whose event took effect between the two days, as the current user may see it, handed
     * to {@code rows} a chunk at a time in due-date order. Each chunk is read in its own short transaction and let go
     * once handed over, so a register of any length is written with the memory of one chunk.
     */
    public void register(LocalDate from, LocalDate to, String authority, Consumer<List<AuthorityNotification>> rows) {
        MembershipService.ListScope scope = memberships.listScope();
        if (scope.nothing()) {
            return;
        }
        LocalDate afterDue = LocalDate.of(1, 1, 1);
        long afterId = 0;
        while (true) {
            LocalDate due = afterDue;
            long id = afterId;
            List<AuthorityNotification> chunk = readOnly.execute(s -> notifications.registerAfter(from, to, authority,
                    scope.organisationId(), due, id,
                    PageRequest.of(0, settings.getRegisterChunk())));
            if (chunk == null || chunk.isEmpty()) {
                return;
            }
            rows.accept(chunk);
            AuthorityNotification last = chunk.get(chunk.size() - 1);
            afterDue = last.getDueDate();
            afterId = last.getId();
        }
    }

    /** The delivery attempts of each notification of a page, in one query: notification id to its attempts in order. */
    @Transactional(readOnly = true)
    public Map<Long, List<NotificationAttempt>> attemptsOf(Collection<AuthorityNotification> page) {
        if (page.isEmpty()) {
            return Map.of(); // no "in ()" for the database to refuse
        }
        return attempts.findByNotificationIdInOrderByAttemptedAtAscIdAsc(page.stream().map(AuthorityNotification::getId).toList())
                .stream().collect(Collectors.groupingBy(NotificationAttempt::getNotificationId));
    }

    /** The day the authority was told: the date the member gave for its own letter, else the day ours went out. */
    public LocalDate doneOn(AuthorityNotification n) {
        if (n.getMemberSentOn() != null) {
            return n.getMemberSentOn();
        }
        return n.doneAt() == null ? null : settings.dateOf(n.doneAt());
    }

    /**
     * Whether the authority was told by its deadline: "yes", "late", or while not done "overdue" or "pending". The
     * deadline is the authority's (competent_authority.deadline after the event took effect).
     */
    public String onTime(AuthorityNotification n, LocalDate today) {
        LocalDate done = doneOn(n);
        if (done != null) {
            return done.isAfter(n.getDueDate()) ? "late" : "yes";
        }
        return n.isOverdue(today) ? "overdue" : "pending";
    }

    /** The notification if the current user may see its membership; otherwise as if it did not exist. */
    @Transactional(readOnly = true)
    public AuthorityNotification getVisible(Long id) {
        AuthorityNotification n = notifications.findById(id).orElseThrow(() -> new NotFoundException("No notification " + id));
        memberships.getVisible(n.getMembership().getId()); // throws NotFound for another organisation's
        return n;
    }

    @Transactional(readOnly = true)
    public List<NotificationAttempt> attemptsOf(AuthorityNotification n) {
        return attempts.findByNotificationIdOrderByAttemptedAtAscIdAsc(n.getId());
    }

    @Transactional(readOnly = true)
    public byte[] document(Long id) {
        AuthorityNotification n = getVisible(id);
        if (n.getDocument() == null) {
            throw new NotFoundException("The letter of notification " + n.getReference() + " is not ready yet");
        }
        return n.getDocument();
    }

    /** The notification a model's step names (no visibility check: the product acts, not a person). */
    @Transactional(readOnly = true)
    public AuthorityNotification byReference(String reference) {
        return notifications.getByReference(reference);
    }

    public Optional<AuthorityNotification> find(Long membershipId, String authorityCode, NotificationEvent event) {
        return notifications.findByMembershipIdAndAuthorityCodeAndEvent(membershipId, authorityCode, event);
    }
}
