package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.arrangement.RulesOfConductVersionRepository;
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
 * The read-only context a person needs to work a task of membership-onboarding, which its form shows: who applies,
 * for what, under which regimes, with which contacts, sponsors and questions.
 */
@Component
public class TaskContext {

    private final SponsorshipRepository sponsorships;
    private final InformationRequestRepository informationRequests;
    private final RulesOfConductVersionRepository rulesVersions;
    private final NotificationSettings dates;

    public TaskContext(SponsorshipRepository sponsorships, InformationRequestRepository informationRequests,
                       RulesOfConductVersionRepository rulesVersions, NotificationSettings dates) {
        this.sponsorships = sponsorships;
        this.informationRequests = informationRequests;
        this.rulesVersions = rulesVersions;
        this.dates = dates;
    }

    /**
     * What the form shows read-only, from our tables as they are now: read each time the form is read
     * ({@link eu.infosharing.governance.engine.TaskFormContext}), never stored in the engine.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> shown(String taskKey, Membership m, Long sponsorshipId, String screenRationale,
                                     Long rulesVersionId) {
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
            case OnboardingProcess.TASK_AMEND_APPLICATION ->
                    TaskDisplay.LATEST_QUESTION.putIn(v, requests.isEmpty() ? "" : requests.get(requests.size() - 1).getQuestion());
            case OnboardingProcess.TASK_ACCEPT_RULES -> {
                // the version the task asks to accept, fixed when it opened, even if a newer one was published since
                RulesOfConductVersion rules = rulesVersions.findById(rulesVersionId).orElseThrow();
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

    /**
     * What the task keeps from the moment it opened, as task-local variables: the rules version it asks to accept, and
     * for an amendment what is on file, as the starting values of the fields the applicant corrects.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> kept(String taskKey, Membership m) {
        Map<String, Object> v = new HashMap<>();
        Organisation o = m.getOrganisation();
        switch (taskKey) {
            case OnboardingProcess.TASK_AMEND_APPLICATION -> {
                ApplicationFields.LEGAL_NAME.putIn(v, o.getLegalName());
                ApplicationFields.LEGAL_FORM.putIn(v, o.getLegalForm());
                ApplicationFields.LEI.putIn(v, o.getLei() == null ? "" : o.getLei());
                FormApplication.prefillContacts(v, o.getContacts());
            }
            case OnboardingProcess.TASK_ACCEPT_RULES ->
                    OnboardingProcess.RULES_VERSION_ID.putIn(v, m.getArrangement().getCurrentRules().getId());
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
