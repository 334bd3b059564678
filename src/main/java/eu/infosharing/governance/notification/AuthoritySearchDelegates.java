package eu.infosharing.governance.notification;

import static eu.infosharing.governance.process.AuthoritySearchProcess.*;

import eu.infosharing.governance.engine.TaskFormContext;
import eu.infosharing.governance.engine.TaskInputErrors;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.process.BusinessKey;
import eu.infosharing.governance.process.TaskDisplay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listeners bpmn/competent-authority-search.bpmn names; the work is in {@link AuthoritySearch}. */
@Configuration
public class AuthoritySearchDelegates {

    /** Shows the coordinator what is known of the entity and the authorities configured today. */
    @Bean
    TaskFormContext authoritySearchFormContext(AuthoritySearch search, MembershipService memberships,
                                               NotificationSettings settings) {
        return TaskFormContext.of(KEY, task -> {
            Membership m = memberships.get(BusinessKey.membershipId(task));
            Map<String, Object> shown = new HashMap<>();
            TaskDisplay.ORGANISATION_NAME.putIn(shown, m.getOrganisation().getLegalName());
            TaskDisplay.IDENTIFIERS.putIn(shown, m.getOrganisation().displayIdentifiers());
            TaskDisplay.REGIMES.putIn(shown, m.getOrganisation().getCountry() + "; " + m.getOrganisation().displayRegimes());
            TaskDisplay.EVENT_LABEL.putIn(shown, (NotificationEvent.valueOf(EVENT.from(task)) == NotificationEvent.ENTRY
                    ? "Entry into " : "Cessation of participation in ") + m.getArrangement().getName());
            TaskDisplay.EFFECTIVE_DATE_LABEL.putIn(shown, settings.readable().date(LocalDate.parse(EFFECTIVE_ON.from(task))));
            KNOWN_AUTHORITIES.putIn(shown, search.knownAuthorities());
            return shown;
        });
    }

    /** Keeps the finding and, when an authority was found, creates its notification for the model to send. */
    @Bean
    TaskListener authorityFindingListener(AuthoritySearch search, AuthorityNotifications notifications,
                                          NotificationQueries queries, MembershipService memberships) {
        return task -> {
            Membership m = memberships.get(BusinessKey.membershipId(task));
            // searches started before they were made per regime carry no regime: any regime's authority is accepted
            String regime = SEARCHED_REGIME.from(task);
            String found = TaskInputErrors.translate(() -> search.record(m,
                    regime == null ? null : CompetentAuthority.Regime.valueOf(regime), FINDING.from(task), AUTHORITY_CODE.from(task),
                    FINDING_REASON.from(task)));
            NotificationEvent event = NotificationEvent.valueOf(EVENT.from(task));
            List<String> references = new ArrayList<>();
            if (found != null) {
                notifications.create(m.getId(), event, LocalDate.parse(EFFECTIVE_ON.from(task)));
                queries.find(m.getId(), found, event).ifPresent(n -> references.add(n.getReference()));
            }
            NOTIFICATION_REFERENCES.set(task.getExecution(), references);
        };
    }
}
