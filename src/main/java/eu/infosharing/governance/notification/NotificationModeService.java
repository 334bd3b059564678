package eu.infosharing.governance.notification;

import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.process.NotificationProcess;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member's choice of who sends its notifications. Switching to "send on our behalf" also takes over every
 * notification still waiting for the member: the arrangement sends those at once.
 */
@Service
public class NotificationModeService {

    private final MembershipService memberships;
    private final MemberSentNotifications memberSent;
    private final AuthorityNotificationRepository repository;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final CurrentUser currentUser;

    public NotificationModeService(MembershipService memberships, MemberSentNotifications memberSent,
                                   AuthorityNotificationRepository repository, RuntimeService runtimeService,
                                   IdentityService identityService, CurrentUser currentUser) {
        this.memberships = memberships;
        this.memberSent = memberSent;
        this.currentUser = currentUser;
        this.repository = repository;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    private String currentUserId() {
        return identityService.getCurrentAuthentication() == null ? "system" : identityService.getCurrentAuthentication().getUserId();
    }

    /** Answers the notifications the arrangement took over. */
    @Transactional
    public List<AuthorityNotification> choose(Long membershipId, String requested) {
        Membership m = memberships.getVisible(membershipId);
        NotificationMode mode;
        try {
            mode = NotificationMode.valueOf(requested == null ? "" : requested.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("mode", "Notification mode", "must be SEND_ON_BEHALF or PREPARE_ONLY");
        }
        checkMayChooseMode(m);
        m.chooseNotificationMode(mode);
        m.audit(currentUserId(), "NOTIFICATION_MODE", "Notifications to competent authorities: " + mode);
        if (mode == NotificationMode.PREPARE_ONLY) {
            return List.of();
        }
        List<AuthorityNotification> waiting = repository.findByMembershipIdOrderByIdAsc(m.getId()).stream()
                .filter(n -> n.getStatus() == NotificationStatus.AWAITING_MEMBER && n.getProcessInstanceId() != null)
                .toList();
        for (AuthorityNotification n : waiting) {
            memberSent.takeOver(n.getReference());
            // the member may not move process instances itself: this is the product acting on its choice
            Privileged.run(identityService, () -> runtimeService.createMessageCorrelation(NotificationProcess.SEND_ON_BEHALF_MESSAGE)
                    .processInstanceId(n.getProcessInstanceId()).correlateAll());
        }
        return waiting;
    }

    /** Only the member's own representatives and coordinators choose how its notifications go out. */
    private void checkMayChooseMode(Membership m) {
        boolean ownRepresentative = currentUser.represents(m.getOrganisation());
        if (!ownRepresentative && !currentUser.isIn(Roles.COORDINATORS)) {
            throw new ForbiddenException("Only the member's representatives and coordinators choose how its notifications are sent");
        }
    }
}
