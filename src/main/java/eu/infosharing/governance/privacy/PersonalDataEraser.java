package eu.infosharing.governance.privacy;

import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.membership.AuditEntry;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.organisation.ContactPerson;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.privacy.OrganisationRecords;
import eu.infosharing.governance.privacy.PersonalDataTables;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a former member's contact persons once the retention period after its cessation is over (GDPR Art. 17(1)(a),
 * storage limitation Art. 5(1)(e)), unless the organisation still takes part in another arrangement. Every copy goes:
 * the contacts on file and the ones a yearly review or an amendment replaced; in the engine's history every variable
 * that held them (deleted and overwritten ones included, with their history detail rows and byte arrays), and every
 * other history cell that still holds a value (submitted form fields, comments, operation log, incident and job-log
 * messages) is overwritten; free text in our own tables of the organisation; summaries of its audit trail, redacted
 * so that the chain still verifies (see {@link AuditEntry#redact}).
 *
 * <p>Kept, because the law requires it (Art. 17(3)(b)): the notification letters as sent to the competent authorities
 * (NIS2 Art. 29(4), DORA Art. 45(3): the proof that the member notified), their references and delivery evidence;
 * status changes, decisions and their actors. Each run is logged.
 */
@Service
public class PersonalDataEraser {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataEraser.class);

    /**
     * Columns the erasure leaves alone: the letters sent to authorities (kept under Art. 17(3)(b)); the audit trail,
     * which is redacted through its entities so that its chain still verifies; contacts, pseudonymised and deleted
     * through theirs; the record of a data subject's request (who asked, about which address), kept as the proof of how
     * it was answered (GDPR Art. 5(2), Art. 17(3)(e)).
     */
    public static final Set<String> EXEMPT = Set.of("authority_notification.document", "audit_entry.summary",
            "audit_entry.summary_salt", "audit_entry.summary_digest", "contact_person.name", "contact_person.email",
            "contact_person.phone", "contact_person.pgp_fingerprint", "former_contact.name", "former_contact.email",
            "former_contact.phone", "former_contact.pgp_fingerprint", "data_subject_request.subject_name",
            "data_subject_request.subject_email", "data_subject_request.details");

    private final MembershipRepository memberships;
    private final ErasureRunRepository runs;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final OrganisationRecords records;
    private final PersonalDataTables tables;
    private final EntityManager entityManager;

    public PersonalDataEraser(MembershipRepository memberships, ErasureRunRepository runs, HistoryService historyService,
                              IdentityService identityService, OrganisationRecords records, PersonalDataTables tables,
                              EntityManager entityManager) {
        this.memberships = memberships;
        this.runs = runs;
        this.historyService = historyService;
        this.identityService = identityService;
        this.records = records;
        this.tables = tables;
        this.entityManager = entityManager;
    }

    /** What one erasure did. */
    public record Erased(int contacts, int formerContacts, int variables, int cells, int auditEntries, int legacyAuditEntries) {

        String summary() {
            return contacts + " contact person(s) pseudonymised, " + formerContacts + " replaced contact(s) deleted, "
                    + variables + " engine variable(s) deleted and " + cells + " other stored value(s) overwritten; the "
                    + "letters sent to competent authorities are kept (GDPR Art. 17(3)(b))"
                    + (legacyAuditEntries == 0 ? "" : "; " + legacyAuditEntries
                    + " audit entr(y/ies) written before summaries were committed still hold erased values");
        }
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
        PersonalDataTables.Scope scope = Privileged.call(identityService, () -> records.scope(o));
        Set<String> values = new LinkedHashSet<>();
        OrganisationRecords.contactsEver(o).stream().flatMap(OrganisationRecords::values).forEach(values::add);
        values.addAll(Privileged.call(identityService, () -> records.contactFieldValuesInHistory(scope.processInstanceIds())));
        Erased erased = eraseEverywhere(o, scope, values, contact -> true, List.of(m),
                "Personal data of the contact persons erased after the retention period: ");
        return runs.save(new ErasureRun(o.getId(), m.getId(), ErasureRun.Outcome.ERASED, erased.contacts(), erased.variables(),
                "Retention period after cessation ended").withDetails(erased.cells(), erased.formerContacts(), erased.auditEntries()));
    }

    /**
     * Erases one person's data on their request (GDPR Art. 17(1)): every copy of the values that identify them, in the
     * organisation's records and history; a contact on file who is that person is pseudonymised. Recorded in every
     * membership's audit trail of the organisation under the request's reference, not the person's name.
     */
    @Transactional
    public Erased erasePerson(Long organisationId, Collection<String> personValues, String reference) {
        List<Membership> all = memberships.findByOrganisationId(organisationId);
        Organisation o = all.isEmpty() ? null : all.get(0).getOrganisation();
        if (o == null) {
            return new Erased(0, 0, 0, 0, 0, 0);
        }
        Set<String> lower = personValues.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        java.util.function.Predicate<eu.infosharing.governance.organisation.ContactDetails> isThePerson = c ->
                OrganisationRecords.values(c).anyMatch(v -> lower.contains(v.strip().toLowerCase(Locale.ROOT)));
        Set<String> values = new LinkedHashSet<>(personValues);
        OrganisationRecords.contactsEver(o).stream().filter(isThePerson).flatMap(OrganisationRecords::values).forEach(values::add);
        PersonalDataTables.Scope scope = Privileged.call(identityService, () -> records.scope(o));
        return eraseEverywhere(o, scope, values, isThePerson, all, "Personal data of a data subject erased on request " + reference + ": ");
    }

    private Erased eraseEverywhere(Organisation o, PersonalDataTables.Scope scope, Collection<String> values,
                                   java.util.function.Predicate<eu.infosharing.governance.organisation.ContactDetails> concerned,
                                   List<Membership> recordIn, String why) {
        List<String> identifiers = values.stream().filter(s -> s != null && s.strip().length() >= 3)
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        int variables = Privileged.call(identityService, () -> eraseVariables(scope, identifiers));
        List<Membership> all = memberships.findByOrganisationId(o.getId());
        java.util.Map<Membership, Set<Integer>> redactedSeqs = new java.util.LinkedHashMap<>();
        int redacted = 0;
        int legacy = 0;
        for (Membership each : all) {
            Set<Integer> seqs = new TreeSet<>();
            for (AuditEntry e : each.getAuditTrail()) {
                if (!identifiers.isEmpty() && holdsAny(e.getSummary(), identifiers)) {
                    if (e.redact(replaceAll(e.getSummary(), identifiers))) {
                        seqs.add(e.getSeq());
                    } else {
                        legacy++;
                    }
                }
            }
            redactedSeqs.put(each, seqs);
            redacted += seqs.size();
        }
        int contacts = 0;
        for (ContactPerson c : o.getContacts()) {
            if (concerned.test(c.details())) {
                c.pseudonymise("Erased contact " + c.getPosition() + " of organisation " + o.getId());
                contacts++;
            }
        }
        int former = o.forgetFormerContacts(concerned);
        entityManager.flush();
        int cells = identifiers.isEmpty() ? 0 : tables.scrub(identifiers, scope, EXEMPT);
        // the scrub changed rows behind the persistence context: read them again before writing to them
        all.forEach(entityManager::refresh);
        Erased erased = new Erased(contacts, former, variables, cells, redacted, legacy);
        for (Membership each : all) {
            Set<Integer> seqs = redactedSeqs.get(each);
            boolean target = recordIn.stream().anyMatch(r -> r.getId().equals(each.getId()));
            if (target || !seqs.isEmpty()) {
                each.audit(CurrentUser.SYSTEM, AuditEntry.ERASURE_KIND, (target ? why + erased.summary()
                        : "Personal data erased from this trail") + (seqs.isEmpty() ? "" : "; " + AuditEntry.redactedList(seqs)));
            }
        }
        log.info("Erasure for organisation {}: {}", o.getId(), erased.summary());
        if (legacy > 0) {
            log.warn("Erasure for organisation {}: {} audit entries written before V10 hold erased values and were kept:"
                    + " rewriting them would break the audit chain", o.getId(), legacy);
        }
        return erased;
    }

    /** Every variable of the organisation's processes that holds a value, deleted ones included, with its detail. */
    private int eraseVariables(PersonalDataTables.Scope scope, List<String> identifiers) {
        if (identifiers.isEmpty()) {
            return 0;
        }
        int deleted = 0;
        for (String pi : scope.processInstanceIds()) {
            for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
                    .processInstanceId(pi).includeDeleted().disableCustomObjectDeserialization().list()) {
                if (holdsAny(text(v), identifiers)
                        || OrganisationRecords.CONTACT_FIELDS.contains(v.getName())) {
                    historyService.deleteHistoricVariableInstance(v.getId());
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private static String text(HistoricVariableInstance v) {
        TypedValue value = v.getTypedValue();
        return value instanceof SerializableValue s && s.getValueSerialized() != null ? s.getValueSerialized()
                : String.valueOf(v.getValue());
    }

    private static boolean holdsAny(String text, List<String> identifiers) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return identifiers.stream().anyMatch(lower::contains);
    }

    private static String replaceAll(String text, List<String> identifiers) {
        Pattern p = Pattern.compile(identifiers.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
                .collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return p.matcher(text).replaceAll(Matcher.quoteReplacement(PersonalDataTables.ERASED));
    }
}
