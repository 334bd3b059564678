package eu.infosharing.governance.notification;

import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which competent authorities a membership tells of an event: the ones its data names today
 * ({@link MembershipAuthorities}) and, for a cessation, every one that still counts the participation. A regime the
 * entity is in and no authority is named for is announced, never dropped in silence.
 */
@Service
public class NotificationRecipients {

    private final MembershipService memberships;
    private final MembershipAuthorities membershipAuthorities;
    private final AuthorityNotificationRepository notifications;
    private final CompetentAuthorityService authorities;
    private final ApplicationEventPublisher events;

    public NotificationRecipients(MembershipService memberships, MembershipAuthorities membershipAuthorities,
                                  AuthorityNotificationRepository notifications, CompetentAuthorityService authorities,
                                  ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.membershipAuthorities = membershipAuthorities;
        this.notifications = notifications;
        this.authorities = authorities;
        this.events = events;
    }

    /**
     * Published when a membership is to notify an event and no authority is named for one or more of the regimes its
     * entity is in: nothing may drop a regime in silence.
     */
    public record RegimesWithoutAuthority(Membership membership, NotificationEvent event, LocalDate effectiveDate,
                                          Set<CompetentAuthority.Regime> regimes) {
    }

    /**
     * The codes of the authorities the membership tells of this event (none for an entity outside both regimes); a
     * regime the entity is in and no authority is named for is announced, so that a coordinator finds one
     * ({@link AuthoritySearch}). A cessation also goes to every authority that still counts the participation, even
     * when the entity's status has changed since and today's rules would no longer name it: an authority told of a
     * participation is told when it ends.
     */
    @Transactional
    public Set<String> of(Membership m, NotificationEvent event, LocalDate effectiveDate) {
        Set<String> recipients = named(m);
        if (event == NotificationEvent.CESSATION) {
            // what the authorities were told before this cessation: its own letters are the ones being decided
            recipients.addAll(stillCounting(notifications.findByMembershipIdOrderByIdAsc(m.getId()).stream()
                    .filter(n -> n.getEvent() != NotificationEvent.CESSATION).toList()));
        }
        Set<CompetentAuthority.Regime> unnamed = EnumSet.noneOf(CompetentAuthority.Regime.class);
        unnamed.addAll(CompetentAuthority.Regime.requiredFor(m.getOrganisation()));
        recipients.forEach(code -> unnamed.remove(authorities.get(code).getRegime()));
        if (!unnamed.isEmpty()) {
            events.publishEvent(new RegimesWithoutAuthority(m, event, effectiveDate, unnamed));
        }
        return recipients;
    }

    /**
     * Authorities that were told of the participation and still count it, but that the membership's data no longer
     * names: a yearly review's change took them out (a coordinator decides whether each is told).
     */
    @Transactional(readOnly = true)
    public List<String> noLongerNamed(Long membershipId) {
        Membership m = memberships.get(membershipId);
        Set<String> named = named(m);
        return stillCounting(notifications.findByMembershipIdOrderByIdAsc(m.getId())).stream()
                .filter(code -> !named.contains(code)).toList();
    }

    /**
     * The authorities that still count the participation, given what they were told: told of the entry and not told
     * since that it ended or no longer concerns them (a CESSATION or CONCERN_ENDED letter), in the order of their entry
     * letters. The caller says what counts as told: letters owed, or only those that went out.
     */
    public static Set<String> stillCounting(Collection<AuthorityNotification> told) {
        Set<String> ended = told.stream().filter(n -> n.getEvent().endsConcern())
                .map(AuthorityNotification::getAuthorityCode).collect(Collectors.toSet());
        return told.stream().filter(n -> n.getEvent() == NotificationEvent.ENTRY)
                .map(AuthorityNotification::getAuthorityCode).filter(code -> !ended.contains(code))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Set<String> named(Membership m) {
        Set<String> named = new LinkedHashSet<>();
        membershipAuthorities.effective(m).forEach(d -> named.add(d.authorityCode()));
        return named;
    }
}
