package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.arrangement.ArrangementAccess;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipActivated;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.notification.AuthorityNotifications;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.notification.NotificationSettings;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How membership-onboarding ends: validated and active (with access and the entry notifications), rejected or expired.
 * The steps before are {@link AutomatedChecks}, {@link SponsorshipService}, {@link OnboardingReviews} and
 * {@link ApplicantAnswers}; its tasks open through {@link OnboardingTasks} and its mails go out through
 * {@link ApplicantMails}.
 */
@Service
@Transactional
public class OnboardingService {

    private final MembershipService memberships;
    private final CurrentUser currentUser;
    private final ArrangementAccess access;
    private final AuthorityNotifications notifications;
    private final NotificationSettings notificationSettings;
    private final ApplicationEventPublisher events;

    public OnboardingService(MembershipService memberships, CurrentUser currentUser, ArrangementAccess access,
                             AuthorityNotifications notifications, NotificationSettings notificationSettings,
                             ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.currentUser = currentUser;
        this.access = access;
        this.notifications = notifications;
        this.notificationSettings = notificationSettings;
        this.events = events;
    }

    public void validate(Long membershipId) {
        memberships.transition(membershipId, MembershipStatus.VALIDATED, "All checks passed: membership validated");
    }

    /**
     * After validation: the membership becomes ACTIVE, the organisation's representatives get access to the
     * arrangement, and one entry notification per competent authority is created. Answers their references.
     */
    public List<String> activate(Long membershipId) {
        Membership m = memberships.get(membershipId);
        if (m.getStatus() != MembershipStatus.ACTIVE) {
            List<String> joined = access.grant(m.getOrganisation(), m.getArrangement());
            m.transition(MembershipStatus.ACTIVE, currentUser.id(), "Access to " + m.getArrangement().getName()
                    + " granted" + (joined.isEmpty() ? "" : " to " + String.join(", ", joined)));
            events.publishEvent(new MembershipActivated(m));
        }
        return notifications.create(membershipId, NotificationEvent.ENTRY, notificationSettings.dateOf(m.getActivatedAt()));
    }

    /** Idempotent: a rejection a reviewer already recorded is kept as it is. */
    public void reject(Long membershipId, String reason) {
        Membership m = memberships.get(membershipId);
        if (m.getStatus() != MembershipStatus.REJECTED) {
            m.transition(MembershipStatus.REJECTED, currentUser.id(), reason == null ? "Rejected" : reason);
        }
    }

    public void expire(Long membershipId, String reason) {
        memberships.transition(membershipId, MembershipStatus.EXPIRED, reason);
    }
}
