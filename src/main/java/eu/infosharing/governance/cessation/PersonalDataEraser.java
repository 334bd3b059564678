package eu.infosharing.governance.cessation;

import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.organisation.ContactPerson;
import eu.infosharing.governance.organisation.Organisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a former member's contact persons once the retention period after its cessation is over (GDPR storage
 * limitation), unless the organisation still takes part in another arrangement: in our tables they are replaced by
 * pseudonyms, and every engine variable of its processes that holds their names, e-mails or phones is deleted from
 * the history. Status changes, decisions and their actors stay: the timeline remains readable. Each run is logged.
 */
@Service
public class PersonalDataEraser {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataEraser.class);

    private final MembershipRepository memberships;
    private final ErasureRunRepository runs;
    private final HistoryService historyService;
    private final IdentityService identityService;

    public PersonalDataEraser(MembershipRepository memberships, ErasureRunRepository runs, HistoryService historyService,
                              IdentityService identityService) {
        this.memberships = memberships;
        this.runs = runs;
        this.historyService = historyService;
        this.identityService = identityService;
    }

    @Transactional
    public ErasureRun erase(Long membershipId) {
        Membership m = memberships.findById(membershipId).orElseThrow();
        Organisation o = m.getOrganisation();
        if (memberships.existsByOrganisationIdAndStatusIn(o.getId(), MembershipStatus.OPEN)) {
            log.info("Erasure for {} skipped: it still takes part in another arrangement", o.getLegalName());
            return runs.save(new ErasureRun(o.getId(), m.getId(), ErasureRun.Outcome.SKIPPED, 0, 0,
                    "The organisation still takes part in, or applies to, another arrangement: its contacts are still needed"));
        }
        List<String> identifiers = new ArrayList<>();
        for (ContactPerson c : o.getContacts()) {
            Stream.of(c.getName(), c.getEmail(), c.getPhone(), c.getPgpFingerprint()).filter(Objects::nonNull)
                    .filter(s -> s.length() >= 3).forEach(s -> identifiers.add(s.toLowerCase(Locale.ROOT)));
        }
        int variables = Privileged.call(identityService, () -> eraseVariables(o, identifiers));
        int contacts = 0;
        for (ContactPerson c : o.getContacts()) {
            c.pseudonymise("Erased contact " + (c.getPosition() + 1) + " of organisation " + o.getId());
            contacts++;
        }
        log.info("Erasure for organisation {}: {} contact(s) pseudonymised, {} engine variable(s) deleted",
                o.getId(), contacts, variables);
        m.audit("system", "PERSONAL_DATA_ERASED", contacts + " contact person(s) pseudonymised and " + variables
                + " engine variable(s) holding their data deleted after the retention period");
        return runs.save(new ErasureRun(o.getId(), m.getId(), ErasureRun.Outcome.ERASED, contacts, variables,
                "Retention period after cessation ended"));
    }

    /** Every process of every membership of the organisation (business key = membership id), called ones included. */
    private int eraseVariables(Organisation o, List<String> identifiers) {
        if (identifiers.isEmpty()) {
            return 0;
        }
        int deleted = 0;
        for (Membership membership : memberships.findByOrganisationId(o.getId())) {
            for (HistoricProcessInstance pi : historyService.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(membership.getId())).list()) {
                for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId()).disableCustomObjectDeserialization().list()) {
                    if (holdsAny(v, identifiers)) {
                        historyService.deleteHistoricVariableInstance(v.getId());
                        deleted++;
                    }
                }
            }
        }
        return deleted;
    }

    private static boolean holdsAny(HistoricVariableInstance v, List<String> identifiers) {
        TypedValue value = v.getTypedValue();
        String text = value instanceof SerializableValue s && s.getValueSerialized() != null ? s.getValueSerialized()
                : String.valueOf(v.getValue());
        String lower = text.toLowerCase(Locale.ROOT);
        return identifiers.stream().anyMatch(lower::contains);
    }
}
