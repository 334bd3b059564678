package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.organisation.ContactPerson;
import eu.infosharing.governance.organisation.Organisation;
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

    static final String TASK_ENDORSE = "Task_EndorseApplication";
    static final String TASK_FOLLOW_UP_SPONSOR = "Task_FollowUpSponsor";
    static final String TASK_VET = "Task_VetApplication";
    static final String TASK_AMEND = "Task_AmendApplication";
    static final String TASK_ACCEPT_RULES = "Task_AcceptRules";
    static final String TASK_CHECK_GDPR = "Task_CheckGdpr";
    static final String TASK_REVIEW_COMPETITION = "Task_ReviewCompetitionLaw";

    private final SponsorshipRepository sponsorships;
    private final InformationRequestRepository informationRequests;

    public TaskContext(SponsorshipRepository sponsorships, InformationRequestRepository informationRequests) {
        this.sponsorships = sponsorships;
        this.informationRequests = informationRequests;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> variables(String taskKey, Membership m, Long sponsorshipId, String screenRationale) {
        Organisation o = m.getOrganisation();
        Map<String, Object> v = new HashMap<>();
        v.put("organisationName", o.getLegalName() + " (" + o.getLegalForm() + ")");
        v.put("arrangementName", m.getArrangement().getName());
        v.put("identifiersDisplay", o.displayIdentifiers());
        v.put("participantTypeLabel", o.getParticipantType().label());
        v.put("regimesDisplay", o.displayRegimes());
        v.put("contactsDisplay", o.getContacts().stream().map(c -> c.details().display()).collect(Collectors.joining("\n")));
        v.put("sponsorsDisplay", sponsorsDisplay(m.getId()));
        v.put("motivation", m.getMotivation() == null ? "" : m.getMotivation());
        List<InformationRequest> requests = informationRequests.findByMembershipIdOrderByAskedAtAscIdAsc(m.getId());
        v.put("informationRequestsDisplay", requests.isEmpty() ? "None"
                : requests.stream().map(InformationRequest::display).collect(Collectors.joining("\n")));
        switch (taskKey) {
            case TASK_AMEND -> {
                v.put("latestQuestion", requests.isEmpty() ? "" : requests.get(requests.size() - 1).getQuestion());
                v.put("legalName", o.getLegalName());
                v.put("legalForm", o.getLegalForm());
                v.put("lei", o.getLei() == null ? "" : o.getLei());
                for (int i = 1; i <= 2; i++) {
                    ContactPerson c = o.getContacts().size() >= i ? o.getContacts().get(i - 1) : null;
                    v.put("contact" + i + "Name", c == null ? "" : c.getName());
                    v.put("contact" + i + "Email", c == null ? "" : c.getEmail());
                    v.put("contact" + i + "Phone", c == null ? "" : c.getPhone());
                }
            }
            case TASK_ACCEPT_RULES -> {
                RulesOfConductVersion rules = m.getArrangement().getCurrentRules();
                v.put(OnboardingVariables.RULES_VERSION_ID, rules.getId());
                v.put("rulesVersion", rules.getVersionLabel() + ", in force from " + rules.getEffectiveFrom());
                v.put("rulesText", rules.getBody());
            }
            case TASK_FOLLOW_UP_SPONSOR, TASK_ENDORSE -> sponsorships.findById(sponsorshipId)
                    .ifPresent(s -> v.put("sponsorName", s.getSponsor().getLegalName()));
            case TASK_REVIEW_COMPETITION -> v.put("screenRationale", screenRationale == null ? "" : screenRationale);
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
