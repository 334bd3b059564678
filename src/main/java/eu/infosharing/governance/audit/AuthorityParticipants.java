package eu.infosharing.governance.audit;

import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.api.NotFoundException;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.notification.AuthorityNotification;
import eu.infosharing.governance.notification.CompetentAuthorityRepository;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.notification.NotificationQueries;
import eu.infosharing.governance.notification.NotificationRecipients;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a competent authority has been told: the members it knows to participate. A membership counts once its entry
 * notification to the authority was sent (or the member confirmed sending it) and until its cessation notification, or
 * the one saying that the participation no longer concerns the authority, was (the rule is
 * {@link NotificationRecipients#stillCounting}). One that has ceased but whose cessation letter has not gone out yet is
 * listed, marked as such, since the authority still believes it participates. For coordinators, auditors and administrators (a supervisor's request).
 */
@Service
@Transactional(readOnly = true)
public class AuthorityParticipants {

    private final NotificationQueries notifications;
    private final CompetentAuthorityRepository authorities;
    private final CurrentUser currentUser;

    public AuthorityParticipants(NotificationQueries notifications, CompetentAuthorityRepository authorities,
                                 CurrentUser currentUser) {
        this.notifications = notifications;
        this.authorities = authorities;
        this.currentUser = currentUser;
    }

    /**
     * One participant as the authority knows it.
     *
     * @param participatingSince the date the entry took effect, as the letter said
     * @param toldOn             when the entry letter was sent or the member sent it
     * @param cessationPending   the membership ended, but the authority has not been told yet
     */
    public record Participant(Long membershipId, String organisation, String identifiers, String arrangement,
                              String membershipStatus, String entryReference, LocalDate participatingSince,
                              LocalDate toldOn, boolean cessationPending) {
    }

    public List<Participant> of(String authorityCode) {
        if (!currentUser.readsAllMemberships()) {
            throw new ForbiddenException("Only coordinators, auditors and administrators read what an authority was told");
        }
        String code = authorityCode == null ? "" : authorityCode.strip().toUpperCase(Locale.ROOT);
        if (authorities.findByCode(code).isEmpty()) {
            throw new NotFoundException("No competent authority " + authorityCode);
        }
        // what the authority was told of each membership: the letters that went out
        Map<Long, List<AuthorityNotification>> told = new LinkedHashMap<>();
        for (AuthorityNotification n : notifications.search(null, code, null)) {
            if (n.isDone()) {
                told.computeIfAbsent(n.getMembership().getId(), id -> new ArrayList<>()).add(n);
            }
        }
        List<Participant> participants = new ArrayList<>();
        told.forEach((membershipId, letters) -> {
            if (!NotificationRecipients.stillCounting(letters).contains(code)) {
                return;
            }
            // one notification per membership, authority and event (a unique key of the table)
            AuthorityNotification entry = letters.stream().filter(n -> n.getEvent() == NotificationEvent.ENTRY)
                    .findFirst().orElseThrow();
            Membership m = entry.getMembership();
            participants.add(new Participant(m.getId(), m.getOrganisation().getLegalName(),
                    m.getOrganisation().displayIdentifiers(), m.getArrangement().getCode(), m.getStatus().name(),
                    entry.getReference(), entry.getEffectiveDate(), notifications.doneOn(entry),
                    m.getStatus() == MembershipStatus.CEASED));
        });
        participants.sort(Comparator.comparing(Participant::organisation).thenComparing(Participant::arrangement));
        return participants;
    }

}
