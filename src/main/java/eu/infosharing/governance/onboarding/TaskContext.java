package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.process.TaskDisplay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read-only context a person needs to work a task of membership-onboarding, as task-local variables that
 * the forms show: who applies, for what, under which regimes, with which contacts, sponsors and questions.
 */
@Component
public class TaskContext {

    private final SponsorshipRepository sponsorships;
    private final InformationRequestRepository informationRequests;
    private final NotificationSettings dates;

    public TaskContext(SponsorshipRepository sponsorships, InformationRequestRepository informationRequests,
                       NotificationSettings dates) {
        this.sponsorships = sponsorships;
        this.informationRequests = informationRequests;
        this.dates = dates;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> variables(String taskKey, Membership m, Long sponsorshipId, String screenRationale) {
        Organisation o = m.getOrganisation();
        Map<String, Object> v = new HashMap<>();
        TaskDisplay.ORGANISATION_NAME.putIn(v, o.getLegalName() + " (" + o.getLegalForm() + ")");
        TaskDisplay.ARRANGEMENT_NAME.putIn(v, m.getArrangement().getName());
        TaskDisplay.IDENTIFIERS.putIn(v, o.displayIdentifiers());
        TaskDisplay.PARTICIPANT_TYPE_LABEL.putIn(v, o.getParticipantType().label());
        TaskDisplay.REGIMES.putIn(v, o.displayRegimes());
        TaskDisplay.CONTACTS.putIn(v, o.displayContacts());
        TaskDisplay.SPONSORS.putIn(v, sponsorsDisplay(m.getId()));
        ApplicationFields.MOTIVATION.putIn(v, m.getMotivation() == null ? "" : m.getMotivation());
        List<InformationRequest> requests = informationRequests.findByMembershipIdOrderByAskedAtAscIdAsc(m.getId());
        TaskDisplay.INFORMATION_REQUESTS.putIn(v, requests.isEmpty() ? "None"
                : requests.stream().map(r -> r.display(dates.readable())).collect(Collectors.joining("\n")));
        switch (taskKey) {
            case OnboardingProcess.TASK_AMEND_APPLICATION -> {
                TaskDisplay.LATEST_QUESTION.putIn(v, requests.isEmpty() ? "" : requests.get(requests.size() - 1).getQuestion());
                // what is on file, for the applicant to correct
                ApplicationFields.LEGAL_NAME.putIn(v, o.getLegalName());
                ApplicationFields.LEGAL_FORM.putIn(v, o.getLegalForm());
                ApplicationFields.LEI.putIn(v, o.getLei() == null ? "" : o.getLei());
                FormApplication.prefillContacts(v, o.getContacts());
            }
            case OnboardingProcess.TASK_ACCEPT_RULES -> {
                RulesOfConductVersion rules = m.getArrangement().getCurrentRules();
                OnboardingProcess.RULES_VERSION_ID.putIn(v, rules.getId());
                TaskDisplay.RULES_VERSION.putIn(v, rules.getVersionLabel() + ", in force from " + dates.readable().date(rules.getEffectiveFrom()));
                TaskDisplay.RULES_TEXT.putIn(v, rules.getBody());
            }
            case OnboardingProcess.TASK_FOLLOW_UP_SPONSOR, OnboardingProcess.TASK_ENDORSE_APPLICATION ->
                    sponsorships.findById(sponsorshipId).ifPresent(s -> TaskDisplay.SPONSOR_NAME.putIn(v, s.getSponsor().getLegalName()));
            case OnboardingProcess.TASK_REVIEW_COMPETITION_LAW ->
                    TaskDisplay.SCREEN_RATIONALE.putIn(v, screenRationale == null ? "" : screenRationale);
            default -> {
            }
        }
        return v;
    }

    private String sponsorsDisplay(Long membershipId) {
        List<Sponsorship> all = sponsorships.findByMembershipIdOrderById(membershipId);
        if (all.isEmpty()) {
            return "None named";
        }
        return all.stream().map(s -> s.getSponsor().getLegalName() + ": " + s.getStatus()
                        + (s.getDecidedBy() == null ? "" : " by " + s.getDecidedBy())
                        + (s.getReason() == null ? "" : " (" + s.getReason() + ")"))
                .collect(Collectors.joining("\n"));
    }
}
