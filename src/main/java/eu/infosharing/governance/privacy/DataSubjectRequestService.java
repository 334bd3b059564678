package eu.infosharing.governance.privacy;

import eu.infosharing.governance.process.ReadableDates;
import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.NotFoundException;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.api.Paging;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.mail.PublicLinks;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.ContactDetails;
import eu.infosharing.governance.organisation.ContactPerson;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.process.DataSubjectRequestProcess;
import eu.infosharing.governance.process.ProductAction;
import eu.infosharing.governance.process.TaskDisplay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-subject requests (GDPR Art. 15 access, 16 rectification, 17 erasure). Who may bring one: a representative of a
 * member, about a contact person of its own organisation (on file now or replaced earlier) and no one else; or the DPO,
 * recording a request received by mail, about anyone. A representative learns nothing about other organisations' contacts:
 * an e-mail that is not one of its organisation's contacts is refused with the same words whether or not it is someone
 * else's. Only the DPO reads a request, its findings and its export. Every step is recorded in the audit trail of the
 * organisation's memberships under the request's reference, never with the person's name.
 */
@Service("dataSubjectRequests")
@Transactional
public class DataSubjectRequestService {

    /** Art. 12(3): one month of receipt; extendable once by two further months. */
    static final int MONTHS_TO_ANSWER = 1;
    static final int MONTHS_EXTENDED = 3;

    private final DataSubjectRequestRepository requests;
    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;
    private final OrganisationRecords records;
    private final PersonalDataTables tables;
    private final PersonalDataEraser eraser;
    private final NotificationSettings dates;
    private final CurrentUser currentUser;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final PublicLinks links;

    public DataSubjectRequestService(DataSubjectRequestRepository requests, OrganisationRepository organisations,
                                     MembershipRepository memberships, OrganisationRecords records, PersonalDataTables tables,
                                     PersonalDataEraser eraser, NotificationSettings dates, CurrentUser currentUser,
                                     RuntimeService runtimeService, IdentityService identityService,
                                     PublicLinks links) {
        this.requests = requests;
        this.organisations = organisations;
        this.memberships = memberships;
        this.records = records;
        this.tables = tables;
        this.eraser = eraser;
        this.dates = dates;
        this.currentUser = currentUser;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.links = links;
    }

    /** A request as brought through our API. */
    public record Submission(String kind, Long organisationId, String subjectName, String subjectEmail, String details) {
    }

    /** One place that holds one of the person's values. */
    public record Finding(String table, String column, String row, String text) {
    }

    // --- receiving -----------------------------------------------------------------------------------------------

    public DataSubjectRequest submit(Submission s) {
        boolean dpo = isDpo();
        if (!dpo && (!currentUser.isAuthenticated() || currentUser.groups().stream().noneMatch(g -> g.matches("org\\d+")))) {
            throw new ForbiddenException("Only a representative of the person's organisation, or the DPO recording a request "
                    + "received otherwise, brings a data-subject request");
        }
        List<FieldProblem> problems = new ArrayList<>();
        DataSubjectRequest.Kind kind = Arrays.stream(DataSubjectRequest.Kind.values())
                .filter(k -> k.name().equals(s.kind())).findFirst().orElse(null);
        if (kind == null) {
            problems.add(new FieldProblem("kind", "Request", "must be ACCESS, RECTIFICATION or ERASURE"));
        }
        String name = StrictText.singleLine("subjectName", "Name of the person", s.subjectName(), 120, null, problems);
        String email = StrictText.singleLine("subjectEmail", "E-mail of the person", s.subjectEmail(), 254,
                "is required: it finds the person's data", problems);
        if (email != null) {
            StrictText.emailProblem(email).ifPresent(p -> problems.add(new FieldProblem("subjectEmail", "E-mail of the person", p)));
        }
        String details = StrictText.freeText("details", "Details", s.details(), 2000, null, problems);
        Organisation o = s.organisationId() == null ? null : organisations.findById(s.organisationId()).orElse(null);
        if (s.organisationId() == null) {
            problems.add(new FieldProblem("organisationId", "Organisation", "is required: the person's organisation"));
        } else if (dpo ? o == null : o == null || !currentUser.represents(o)) {
            // the same words whether the organisation does not exist or is another's
            problems.add(new FieldProblem("organisationId", "Organisation", dpo ? "is not a registered organisation"
                    : "is not an organisation you represent"));
        }
        StrictText.refuseIfAny(problems);
        String normalised = email.toLowerCase(Locale.ROOT);
        if (!dpo && OrganisationRecords.contactsEver(o).stream().noneMatch(c -> normalised.equalsIgnoreCase(c.email()))) {
            // the same words whether the e-mail is unknown or another organisation's contact
            throw new InvalidInputException("subjectEmail", "E-mail of the person",
                    "is not a contact person of your organisation, now or before");
        }
        DataSubjectRequest r = requests.saveAndFlush(new DataSubjectRequest(o, kind, name, normalised, details,
                dpo ? DataSubjectRequest.ReceivedVia.DPO_RECORDED : DataSubjectRequest.ReceivedVia.REPRESENTATIVE,
                currentUser.id(), dates.today().plusMonths(MONTHS_TO_ANSWER)));
        r.assignReference();
        audit(r, currentUser.id(), r.getReference() + ": " + kind.label() + " request received "
                + (dpo ? "and recorded by the DPO" : "from a representative of the organisation")
                + "; answer due " + r.getDueDate() + " (GDPR Art. 12(3))");
        // an internal model: only the product starts it, after the checks above (the person has no grant to start it)
        String pi = Privileged.call(identityService, () -> ProductAction.call(() -> runtimeService.startProcessInstanceByKey(
                DataSubjectRequestProcess.KEY, DataSubjectRequestProcess.businessKey(r.getId()), Map.of(
                        DataSubjectRequestProcess.REQUEST_ID.name(), r.getId(),
                        DataSubjectRequestProcess.ANSWER_DUE_AT.name(), dates.endOf(r.getDueDate()))))).getId();
        r.attachProcess(pi);
        return r;
    }

    // --- reading (the DPO only) ------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public DataSubjectRequest get(Long id) {
        requireDpo();
        return requests.findById(id).orElseThrow(() -> new NotFoundException("No data-subject request " + id));
    }

    @Transactional(readOnly = true)
    public Page<DataSubjectRequest> list(Paging paging) {
        requireDpo();
        return requests.findAllByOrderByReceivedAtDescIdDesc(paging.pageable());
    }

    /** Everything held about the person: our tables and the engine's history, runtime included. */
    @Transactional(readOnly = true)
    public List<Finding> findings(Long id) {
        return findingsOf(get(id));
    }

    private List<Finding> findingsOf(DataSubjectRequest r) {
        Organisation o = r.getOrganisation();
        PersonalDataTables.Scope scope = Privileged.call(identityService, () -> records.scope(o));
        return tables.find(valuesOf(r), scope, Set.of()).stream()
                .map(h -> new Finding(h.table(), h.column(), h.rowId(), h.text())).toList();
    }

    /** The contact persons on file (and replaced earlier) who are the person. */
    @Transactional(readOnly = true)
    public List<ContactDetails> contactRecords(Long id) {
        DataSubjectRequest r = get(id);
        return OrganisationRecords.contactsEver(r.getOrganisation()).stream().filter(c -> isThePerson(r, c)).toList();
    }

    /** How many of the person's values each place holds: what the DPO's task shows, without the values. */
    public String findingsSummary(Long id) {
        DataSubjectRequest r = requests.findById(id).orElseThrow();
        Map<String, Integer> counts = new TreeMap<>();
        findingsOf(r).forEach(f -> counts.merge(f.table(), 1, Integer::sum));
        return counts.isEmpty() ? "Nothing found" : counts.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue() + " value(s)").collect(Collectors.joining("\n"));
    }

    /** The values that identify the person: those the request names and those of the matching contact records. */
    private static Set<String> valuesOf(DataSubjectRequest r) {
        Set<String> values = new LinkedHashSet<>();
        values.add(r.getSubjectEmail());
        if (r.getSubjectName() != null) {
            values.add(r.getSubjectName());
        }
        OrganisationRecords.contactsEver(r.getOrganisation()).stream().filter(c -> isThePerson(r, c))
                .flatMap(OrganisationRecords::values).forEach(values::add);
        return values;
    }

    private static boolean isThePerson(DataSubjectRequest r, ContactDetails c) {
        return r.getSubjectEmail().equalsIgnoreCase(c.email());
    }

    // --- the DPO's task ----------------------------------------------------------------------------------------------

    /** What the DPO's form shows: references, dates and counts; the person's identity is in the export only. */
    public Map<String, Object> taskContext(Long id) {
        DataSubjectRequest r = requests.findById(id).orElseThrow();
        ReadableDates date = dates.readable();
        Map<String, Object> v = new HashMap<>();
        DataSubjectRequestProcess.REQUEST_REFERENCE.putIn(v, r.getReference());
        DataSubjectRequestProcess.REQUEST_KIND_LABEL.putIn(v, r.getKind().label());
        TaskDisplay.ORGANISATION_NAME.putIn(v, r.getOrganisation().getLegalName());
        DataSubjectRequestProcess.RECEIVED_LABEL.putIn(v, date.date(r.getReceivedAt())
                + (r.getReceivedVia() == DataSubjectRequest.ReceivedVia.DPO_RECORDED ? " (recorded by the DPO)"
                : " (from a representative of the organisation)"));
        DataSubjectRequestProcess.DUE_LABEL.putIn(v, date.date(r.getDueDate()) + (r.isExtended()
                ? " (extended by two months: " + r.getExtensionReason() + ")" : ""));
        DataSubjectRequestProcess.FINDINGS_SUMMARY.putIn(v, findingsSummary(id));
        DataSubjectRequestProcess.EXPORT_URL.putIn(v, links.to("/api/data-subject-requests/" + id + "/export.json"));
        return v;
    }

    public String taskName(Long id) {
        DataSubjectRequest r = requests.findById(id).orElseThrow();
        return r.getReference() + ", " + r.getKind().name().toLowerCase(Locale.ROOT) + ", " + r.getOrganisation().getLegalName();
    }

    /**
     * Checks and records the DPO's answer before the process carries it out: a reason to extend or refuse, one
     * extension only, something to rectify and a contact on file to rectify. Answers the outcome.
     */
    public String answer(Long id, String outcome, String reason, String name, String email, String phone) {
        if (currentUser.isAuthenticated() && !isDpo()) {
            // coordinators may work any task; this one is the DPO's alone
            throw new ForbiddenException("Only the data protection officer answers a data-subject request");
        }
        DataSubjectRequest r = requests.findById(id).orElseThrow();
        DataSubjectRequest.Outcome o = Arrays.stream(DataSubjectRequest.Outcome.values()).filter(x -> x.name().equals(outcome))
                .findFirst().orElseThrow(() -> new InvalidInputException(DataSubjectRequestProcess.OUTCOME.name(), "Answer",
                        "must be ANSWER, RECTIFY, ERASE, EXTEND or REFUSE"));
        List<FieldProblem> problems = new ArrayList<>();
        String why = StrictText.freeText(DataSubjectRequestProcess.OUTCOME_REASON.name(), "Reason", reason, 2000,
                o == DataSubjectRequest.Outcome.EXTEND ? "is required to extend: the person is told why (GDPR Art. 12(3))"
                        : o == DataSubjectRequest.Outcome.REFUSE ? "is required to refuse: the person is told why (GDPR Art. 12(4))"
                        : null, problems);
        if (o == DataSubjectRequest.Outcome.EXTEND && r.isExtended()) {
            problems.add(new FieldProblem(DataSubjectRequestProcess.OUTCOME.name(), "Answer",
                    "cannot extend again: GDPR Art. 12(3) allows two further months once"));
        } else if (o == DataSubjectRequest.Outcome.EXTEND && dates.today().isAfter(r.getDueDate())) {
            problems.add(new FieldProblem(DataSubjectRequestProcess.OUTCOME.name(), "Answer",
                    "cannot extend any more: GDPR Art. 12(3) requires the person to be told of an extension within one month of receipt"));
        }
        if (o == DataSubjectRequest.Outcome.RECTIFY) {
            rectification(r, name, email, phone, problems);
        }
        StrictText.refuseIfAny(problems);
        r.answer(o, why, currentUser.id());
        return o.name();
    }

    /** The contact on file with the corrected values, or the problems that stop it. */
    private ContactDetails rectification(DataSubjectRequest r, String name, String email, String phone, List<FieldProblem> problems) {
        String n = StrictText.singleLine(DataSubjectRequestProcess.CORRECTED_NAME.name(), "Corrected name", name, 120, null, problems);
        String e = StrictText.singleLine(DataSubjectRequestProcess.CORRECTED_EMAIL.name(), "Corrected e-mail", email, 254, null, problems);
        String p = StrictText.singleLine(DataSubjectRequestProcess.CORRECTED_PHONE.name(), "Corrected phone", phone, 30, null, problems);
        if (e != null) {
            StrictText.emailProblem(e).ifPresent(x -> problems.add(new FieldProblem(DataSubjectRequestProcess.CORRECTED_EMAIL.name(), "Corrected e-mail", x)));
        }
        if (n == null && e == null && p == null) {
            problems.add(new FieldProblem(DataSubjectRequestProcess.CORRECTED_NAME.name(), "Corrected name",
                    "or another corrected field is required to rectify"));
        }
        ContactPerson on = r.getOrganisation().getContacts().stream().filter(c -> isThePerson(r, c.details())).findFirst().orElse(null);
        if (on == null) {
            problems.add(new FieldProblem(DataSubjectRequestProcess.OUTCOME.name(), "Answer",
                    "cannot rectify: the person is not a contact person on file (erase or answer instead)"));
            return null;
        }
        ContactDetails d = on.details();
        return new ContactDetails(n == null ? d.name() : n, e == null ? d.email() : e.toLowerCase(Locale.ROOT),
                p == null ? d.phone() : p, d.pgpFingerprint());
    }

    // --- what the process carries out ---------------------------------------------------------------------------------

    /** Art. 12(3): two further months from the end of the first; the process's timer and the task follow. */
    public LocalDate extend(Long id) {
        DataSubjectRequest r = requests.findById(id).orElseThrow();
        LocalDate due = dates.dateOf(r.getReceivedAt()).plusMonths(MONTHS_EXTENDED);
        if (!due.equals(r.getDueDate())) {
            r.extend(due, r.getAnsweredBy(), r.getOutcomeReason());
            audit(r, r.getAnsweredBy(), r.getReference() + ": period to answer extended by two months to " + due
                    + " (GDPR Art. 12(3)): " + r.getOutcomeReason());
        }
        return due;
    }

    /** Art. 16: the contact on file takes the corrected values; the earlier ones are kept only until the erasure. */
    public void rectify(Long id, String name, String email, String phone) {
        DataSubjectRequest r = requests.findById(id).orElseThrow();
        if (r.getStatus() == DataSubjectRequest.Status.RECTIFIED) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        ContactDetails corrected = rectification(r, name, email, phone, problems);
        StrictText.refuseIfAny(problems);
        Organisation o = r.getOrganisation();
        List<ContactDetails> contacts = o.getContacts().stream()
                .map(c -> isThePerson(r, c.details()) ? corrected : c.details()).toList();
        o.replaceContacts(contacts);
        r.close(DataSubjectRequest.Status.RECTIFIED);
        audit(r, r.getAnsweredBy(), r.getReference() + ": contact details rectified (GDPR Art. 16)");
    }

    /** Art. 17(1): every copy of the person's values; the letters to competent authorities stay (Art. 17(3)(b)). */
    public void erase(Long id) {
        DataSubjectRequest r = requests.findById(id).orElseThrow();
        if (r.getStatus() == DataSubjectRequest.Status.ERASED) {
            return;
        }
        eraser.erasePerson(r.getOrganisation().getId(), valuesOf(r), r.getReference());
        r.close(DataSubjectRequest.Status.ERASED);
        audit(r, r.getAnsweredBy(), r.getReference() + ": the person's data erased (GDPR Art. 17(1)); the letters sent "
                + "to competent authorities are kept (Art. 17(3)(b))");
    }

    /** Access given (Art. 15) or the request refused with its reason (Art. 12(4)). */
    public void recordAnswer(Long id) {
        DataSubjectRequest r = requests.findById(id).orElseThrow();
        if (!r.isOpen()) {
            return;
        }
        boolean refused = r.getOutcome() == DataSubjectRequest.Outcome.REFUSE;
        r.close(refused ? DataSubjectRequest.Status.REFUSED : DataSubjectRequest.Status.ANSWERED);
        audit(r, r.getAnsweredBy(), r.getReference() + (refused ? ": refused (GDPR Art. 12(4)): " + r.getOutcomeReason()
                : ": access given, the export of the person's data sent (GDPR Art. 15)"));
    }

    /** The search was run when the request arrived: what it found, in counts (the export has the values). */
    public void recordSearch(Long id) {
        DataSubjectRequest r = requests.findById(id).orElseThrow();
        List<Finding> found = findingsOf(r);
        audit(r, CurrentUser.SYSTEM, r.getReference() + ": the person's data searched in our tables and the engine's history: "
                + found.size() + " value(s) in " + found.stream().map(Finding::table).distinct().count() + " table(s)");
    }

    public void recordOverdue(Long id) {
        DataSubjectRequest r = requests.findById(id).orElseThrow();
        audit(r, CurrentUser.SYSTEM, r.getReference() + ": not answered by " + r.getDueDate() + " (GDPR Art. 12(3))");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------------

    private void audit(DataSubjectRequest r, String actor, String summary) {
        for (Membership m : memberships.findByOrganisationId(r.getOrganisation().getId())) {
            m.audit(actor, "DATA_SUBJECT_REQUEST", summary);
        }
    }

    private boolean isDpo() {
        return currentUser.isAuthenticated() && (currentUser.isIn(Roles.PRIVACY) || currentUser.isIn(Roles.ADMINS));
    }

    private void requireDpo() {
        if (!isDpo()) {
            throw new ForbiddenException("Only the data protection officer reads data-subject requests and their exports");
        }
    }
}
