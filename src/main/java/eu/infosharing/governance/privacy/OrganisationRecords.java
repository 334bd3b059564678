package eu.infosharing.governance.privacy;

import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.organisation.ContactDetails;
import eu.infosharing.governance.organisation.ContactPerson;
import eu.infosharing.governance.organisation.FormerContact;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.process.ApplicationFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Component;

/**
 * What we hold about an organisation's contact persons, and where: its memberships and their processes (business key =
 * membership id; the processes they call carry the same key), the contacts on file, the ones replaced earlier, and the
 * contact fields its forms carried (as typed, in the engine's history, deleted and overwritten values included).
 */
@Component
public class OrganisationRecords {

    /** The form fields that carry a contact person's details. */
    public static final Set<String> CONTACT_FIELDS = ApplicationFields.CONTACTS.stream()
            .flatMap(c -> Stream.of(c.name(), c.email(), c.phone(), c.pgpFingerprint())).map(v -> v.name())
            .collect(Collectors.toUnmodifiableSet());

    private final MembershipRepository memberships;
    private final HistoryService historyService;

    public OrganisationRecords(MembershipRepository memberships, HistoryService historyService) {
        this.memberships = memberships;
        this.historyService = historyService;
    }

    /** The organisation's memberships and every process instance that ran for them. */
    public PersonalDataTables.Scope scope(Organisation o) {
        Set<Long> ids = memberships.findByOrganisationId(o.getId()).stream().map(Membership::getId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> instances = new LinkedHashSet<>();
        for (Long id : ids) {
            for (HistoricProcessInstance pi : historyService.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(id)).list()) {
                instances.add(pi.getId());
                if (pi.getRootProcessInstanceId() != null) {
                    instances.add(pi.getRootProcessInstanceId());
                }
            }
        }
        return new PersonalDataTables.Scope(instances, ids, o.getId());
    }

    /** Every contact person the organisation has had: on file, and replaced or removed since. */
    public static List<ContactDetails> contactsEver(Organisation o) {
        List<ContactDetails> all = new ArrayList<>();
        o.getContacts().stream().map(ContactPerson::details).forEach(all::add);
        o.getFormerContacts().stream().map(FormerContact::details).forEach(all::add);
        return all;
    }

    /** The values of one contact person that identify them. */
    public static Stream<String> values(ContactDetails c) {
        return Stream.of(c.name(), c.email(), c.phone(), c.pgpFingerprint()).filter(Objects::nonNull);
    }

    /**
     * The contact fields' values in the history of these process instances, as typed: the variables (deleted ones
     * included), their earlier values (history detail) and the submitted form fields.
     */
    public Set<String> contactFieldValuesInHistory(Collection<String> processInstanceIds) {
        Set<String> values = new LinkedHashSet<>();
        for (String pi : processInstanceIds) {
            for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery().processInstanceId(pi)
                    .variableNameIn(CONTACT_FIELDS.toArray(String[]::new)).includeDeleted().list()) {
                add(values, v.getValue());
            }
            for (HistoricDetail d : historyService.createHistoricDetailQuery().processInstanceId(pi)
                    .disableCustomObjectDeserialization().list()) {
                if (d instanceof HistoricVariableUpdate u && CONTACT_FIELDS.contains(u.getVariableName())) {
                    add(values, u.getValue());
                } else if (d instanceof HistoricFormField f && CONTACT_FIELDS.contains(f.getFieldId())) {
                    add(values, f.getFieldValue());
                }
            }
        }
        return values;
    }

    private static void add(Set<String> values, Object value) {
        if (value instanceof String s && !s.isBlank()) {
            values.add(s.strip());
        }
    }
}
