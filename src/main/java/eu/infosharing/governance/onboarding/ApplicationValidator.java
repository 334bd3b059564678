package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.arrangement.Arrangement;
import eu.infosharing.governance.arrangement.ArrangementRepository;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.ContactDetails;
import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.DoraLicence;
import eu.infosharing.governance.organisation.EnterpriseNumber;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Lei;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationDeclaration;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.organisation.ParticipantType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The server-side rules of an application, shared by the API and the Tasklist start form: every bad field is
 * reported at once with its reason, and a valid application comes out normalised.
 */
@Component
public class ApplicationValidator {

    static final int MAX_NAME = 200;
    static final int MAX_LEGAL_FORM = 50;
    static final int MAX_REGISTER_ID = 40;
    static final int MAX_CONTACT_NAME = 120;
    static final int MAX_EMAIL = 254;
    static final int MAX_TEXT = 2000;
    static final int MAX_CONTACTS = 2;
    static final int MAX_SPONSORS = 5;

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().\\-]{6,25}$");
    private static final Pattern PGP = Pattern.compile("^[0-9A-F]{40}$");
    private static final Pattern REGISTER_ID = Pattern.compile("^[A-Za-z0-9 .\\-/]+$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final ArrangementRepository arrangements;
    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;

    public ApplicationValidator(ArrangementRepository arrangements, OrganisationRepository organisations,
                                MembershipRepository memberships) {
        this.arrangements = arrangements;
        this.organisations = organisations;
        this.memberships = memberships;
    }

    public ValidatedApplication validate(ApplicationRequest request) {
        Problems problems = new Problems();
        if (request == null) {
            problems.add("", "The application", "is missing");
            throw problems.exception();
        }

        Arrangement arrangement = null;
        String code = problems.required("arrangementCode", "Arrangement", request.arrangementCode(), 20);
        if (code != null) {
            arrangement = arrangements.findByCode(code.toUpperCase(Locale.ROOT)).orElse(null);
            if (arrangement == null) {
                problems.add("arrangementCode", "Arrangement", "'" + code + "' is not a known arrangement (see GET /api/arrangements)");
            }
        }

        ApplicationRequest.OrganisationInput org = request.organisation();
        if (org == null) {
            problems.add("organisation", "Organisation", "is required");
            org = new ApplicationRequest.OrganisationInput(null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        Parsed parsed = organisation(org, request.contacts(), problems);
        String motivation = problems.freeText("motivation", "Motivation", request.motivation(), MAX_TEXT);
        Optional<Organisation> existing = parsed.existing();
        String enterpriseNumber = parsed.declaration().enterpriseNumber();
        String lei = parsed.declaration().lei();

        List<Organisation> sponsors = sponsors(request.sponsors(), arrangement, existing, enterpriseNumber, lei, problems);
        NotificationMode mode = NotificationMode.SEND_ON_BEHALF;
        if (request.notificationMode() != null && !request.notificationMode().isBlank()) {
            try {
                mode = NotificationMode.valueOf(request.notificationMode().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("notificationMode", "Notification of the competent authorities", "must be SEND_ON_BEHALF or PREPARE_ONLY");
            }
        }

        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        return new ValidatedApplication(arrangement, parsed.declaration(), existing, sponsors, motivation, mode);
    }

    /** Checks an applicant's corrections to a registered organisation (identifiers that find it stay as they are). */
    public ValidatedApplication validateAmendment(ApplicationRequest.OrganisationInput org,
                                                  List<ApplicationRequest.ContactInput> contacts, Organisation organisation) {
        Problems problems = new Problems();
        Parsed parsed = organisation(org, contacts, problems);
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        return new ValidatedApplication(null, parsed.declaration(), Optional.of(organisation), List.of(), null, null);
    }

    private record Parsed(OrganisationDeclaration declaration, Optional<Organisation> existing) {
    }

    private Parsed organisation(ApplicationRequest.OrganisationInput org, List<ApplicationRequest.ContactInput> contactInput,
                                Problems problems) {
        String legalName = problems.required("organisation.legalName", "Legal name", org.legalName(), MAX_NAME);
        String legalForm = problems.required("organisation.legalForm", "Legal form", org.legalForm(), MAX_LEGAL_FORM);

        String country = trim(org.country());
        country = country == null ? "BE" : country.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            problems.add("organisation.country", "Country", "must be an ISO 3166 two-letter country code, e.g. BE");
        }

        String enterpriseNumber = null;
        String foreignRegisterId = null;
        if ("BE".equals(country)) {
            Optional<String> problem = EnterpriseNumber.problem(org.enterpriseNumber());
            if (problem.isPresent()) {
                problems.add("organisation.enterpriseNumber", "Enterprise number", problem.get());
            } else {
                enterpriseNumber = EnterpriseNumber.normalise(org.enterpriseNumber());
            }
        } else {
            foreignRegisterId = problems.required("organisation.foreignRegisterId", "National register id",
                    org.foreignRegisterId(), MAX_REGISTER_ID);
            if (foreignRegisterId != null && !REGISTER_ID.matcher(foreignRegisterId).matches()) {
                problems.add("organisation.foreignRegisterId", "National register id",
                        "may contain only letters, digits, spaces, dots, dashes and slashes");
                foreignRegisterId = null;
            }
        }

        ParticipantType participantType = problems.choice("organisation.participantType", "Participant type",
                org.participantType(), ParticipantType::valueOf, true);
        Nis2Status nis2Status = problems.choice("organisation.nis2Status", "NIS2 status", org.nis2Status(),
                Nis2Status::valueOf, true);
        Nis2Sector nis2Sector = null;
        if (nis2Status != null && nis2Status.inScope()) {
            nis2Sector = problems.choice("organisation.nis2Sector", "NIS2 sector", org.nis2Sector(), Nis2Sector::valueOf, true);
        }
        String dora = trim(org.doraEntityType());
        DoraEntityType doraEntityType = dora == null || "NONE".equalsIgnoreCase(dora) ? null
                : problems.choice("organisation.doraEntityType", "DORA entity type", dora,
                        DoraEntityType::valueOf, false);
        if (doraEntityType != null && participantType == ParticipantType.ICT_THIRD_PARTY_PROVIDER) {
            problems.add("organisation.doraEntityType", "DORA entity type",
                    "must be NONE for an ICT third-party service provider: it is not a financial entity (DORA Art. 2(1)(u))");
        }

        DoraLicence doraLicence = doraLicence(doraEntityType, org.doraLicence(), problems);
        String supervisoryId = problems.optionalLine("organisation.supervisoryId", "Supervisory id", org.supervisoryId(),
                MAX_REGISTER_ID);

        String lei = null;
        if (trim(org.lei()) != null) {
            Optional<String> problem = Lei.problem(org.lei());
            if (problem.isPresent()) {
                problems.add("organisation.lei", "LEI", problem.get());
            } else {
                lei = Lei.normalise(org.lei());
            }
        } else if (doraEntityType != null) {
            problems.add("organisation.lei", "LEI", "is required for a DORA financial entity");
        }

        Language language = problems.choice("organisation.preferredLanguage", "Preferred language",
                org.preferredLanguage(), Language::valueOf, true);

        List<ContactDetails> contacts = contacts(contactInput, problems);

        Optional<Organisation> existing = Optional.empty();
        if (enterpriseNumber != null) {
            existing = organisations.findByEnterpriseNumber(enterpriseNumber);
        } else if (foreignRegisterId != null) {
            existing = organisations.findByCountryAndForeignRegisterId(country, foreignRegisterId);
        }
        // only when the organisation itself could be identified: otherwise the identifier error says it all
        if (lei != null && (enterpriseNumber != null || foreignRegisterId != null)) {
            Optional<Organisation> holder = organisations.findByLei(lei);
            Long existingId = existing.map(Organisation::getId).orElse(null);
            if (holder.isPresent() && !Objects.equals(holder.get().getId(), existingId)) {
                problems.add("organisation.lei", "LEI", "is already registered for another organisation");
            }
        }

        OrganisationDeclaration declaration = new OrganisationDeclaration(legalName, legalForm, country, enterpriseNumber,
                foreignRegisterId, lei, participantType, nis2Status, nis2Sector, doraEntityType, doraLicence, supervisoryId, language,
                contacts);
        return new Parsed(declaration, existing);
    }

    private List<ContactDetails> contacts(List<ApplicationRequest.ContactInput> input, Problems problems) {
        List<ContactDetails> contacts = new ArrayList<>();
        List<ApplicationRequest.ContactInput> given = input == null ? List.of()
                : input.stream().filter(Objects::nonNull).toList();
        if (given.isEmpty()) {
            problems.add("contacts", "Contact persons", "must name at least one person");
            return contacts;
        }
        if (given.size() > MAX_CONTACTS) {
            problems.add("contacts", "Contact persons", "may name at most " + MAX_CONTACTS + " persons");
            return contacts;
        }
        for (int i = 0; i < given.size(); i++) {
            ApplicationRequest.ContactInput c = given.get(i);
            String path = "contacts[" + i + "].";
            String label = "Contact " + (i + 1) + " ";
            String name = problems.required(path + "name", label + "name", c.name(), MAX_CONTACT_NAME);
            String email = problems.required(path + "email", label + "e-mail", c.email(), MAX_EMAIL);
            if (email != null) {
                StrictText.emailProblem(email).ifPresent(p -> problems.add(path + "email", label + "e-mail", p));
            }
            String phone = problems.required(path + "phone", label + "phone", c.phone(), 30);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                problems.add(path + "phone", label + "phone", "must be a phone number: digits, spaces, + ( ) . - (6 to 25 characters)");
            }
            String pgp = trim(c.pgpFingerprint());
            if (pgp != null) {
                pgp = pgp.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
                if (!PGP.matcher(pgp).matches()) {
                    problems.add(path + "pgpFingerprint", label + "PGP fingerprint", "must be 40 hexadecimal digits");
                }
            }
            contacts.add(new ContactDetails(name, email == null ? null : email.toLowerCase(Locale.ROOT), phone, pgp));
        }
        return contacts;
    }

    private List<Organisation> sponsors(List<String> input, Arrangement arrangement, Optional<Organisation> applicant,
                                        String applicantEnterpriseNumber, String applicantLei, Problems problems) {
        List<Organisation> sponsors = new ArrayList<>();
        List<String> given = input == null ? List.of() : input.stream().map(ApplicationValidator::trim).filter(Objects::nonNull).toList();
        if (given.size() > MAX_SPONSORS) {
            problems.add("sponsors", "Sponsors", "may name at most " + MAX_SPONSORS + " organisations");
            return sponsors;
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "sponsors[" + i + "]";
            String label = "Sponsor " + (i + 1);
            String identifier = given.get(i);
            if (!EnterpriseNumber.isValid(identifier) && !Lei.isValid(identifier)) {
                problems.add(field, label, "must be the valid enterprise number or LEI of a member organisation");
                continue;
            }
            Optional<Organisation> sponsor = organisations.findByIdentifier(identifier);
            if (sponsor.isEmpty()) {
                problems.add(field, label, "is not a known member organisation");
                continue;
            }
            Organisation s = sponsor.get();
            boolean self = applicant.map(a -> a.getId().equals(s.getId())).orElse(false)
                    || Objects.equals(s.getEnterpriseNumber(), applicantEnterpriseNumber) && applicantEnterpriseNumber != null
                    || Objects.equals(s.getLei(), applicantLei) && applicantLei != null;
            if (self) {
                problems.add(field, label, "cannot be the applicant itself");
            } else if (!seen.add(s.getId())) {
                problems.add(field, label, "is named twice");
            } else if (arrangement != null && !memberships.existsByOrganisationIdAndArrangementIdAndStatusIn(
                    s.getId(), arrangement.getId(), MembershipStatus.IN_FORCE)) {
                problems.add(field, label, "(" + s.getLegalName() + ") is not a member of " + arrangement.getName());
            } else {
                sponsors.add(s);
            }
        }
        if (arrangement != null && given.size() < arrangement.getRequiredSponsors()) {
            problems.add("sponsors", "Sponsors", "must name at least " + arrangement.getRequiredSponsors()
                    + " member organisation(s) of " + arrangement.getName() + " that vouch for the applicant");
        }
        return sponsors;
    }

    /**
     * The licence fact where the DORA entity type alone does not decide the competent authority (DORA Art. 46), and
     * nothing where it does: a fact that does not fit the type would send a letter to the wrong supervisor.
     */
    private static DoraLicence doraLicence(DoraEntityType type, String value, Problems problems) {
        String label = "DORA licence";
        String field = "organisation.doraLicence";
        if (type == null || !DoraLicence.decides(type)) {
            if (trim(value) != null && !"NONE".equalsIgnoreCase(trim(value))) {
                problems.add(field, label, type == null ? "must be empty for an entity that is not a DORA financial entity"
                        : "must be empty for DORA type " + type.label() + ": the type alone decides the competent authority");
            }
            return null;
        }
        if (trim(value) == null || "NONE".equalsIgnoreCase(trim(value))) {
            problems.add(field, label, "is required for DORA type " + type.label() + ": one of "
                    + String.join(", ", DoraLicence.choicesFor(type)));
            return null;
        }
        DoraLicence licence = problems.choice(field, label, value, DoraLicence::valueOf, true);
        if (licence != null && licence.type() != type) {
            problems.add(field, label, "'" + licence.name() + "' does not fit DORA type " + type.label() + ": one of "
                    + String.join(", ", DoraLicence.choicesFor(type)));
            return null;
        }
        return licence;
    }

    /** The value without the blanks a reader does not see at either end (no-break and zero-width too); null when blank. */
    static String trim(String s) {
        return StrictText.clean(s);
    }

    /** Collects the problems of one request. */
    private static final class Problems {

        private final List<FieldProblem> list = new ArrayList<>();

        void add(String field, String label, String message) {
            list.add(new FieldProblem(field, label, message));
        }

        /** A name, code or address: one line, required. */
        String required(String field, String label, String value, int max) {
            Optional<String> refused = StrictText.singleLineProblem(value);
            if (refused.isPresent()) {
                add(field, label, refused.get());
                return null;
            }
            String t = trim(value);
            if (t == null) {
                add(field, label, "is required");
                return null;
            }
            return limited(field, label, t, max);
        }

        /** An optional identifier or name: one line. */
        String optionalLine(String field, String label, String value, int max) {
            return trim(value) == null && StrictText.singleLineProblem(value).isEmpty() ? null
                    : required(field, label, value, max);
        }

        /** Free text (a motivation): newlines allowed, optional. */
        String freeText(String field, String label, String value, int max) {
            Optional<String> refused = StrictText.freeTextProblem(value);
            if (refused.isPresent()) {
                add(field, label, refused.get());
                return null;
            }
            String t = trim(value);
            return t == null ? null : limited(field, label, t, max);
        }

        private String limited(String field, String label, String t, int max) {
            if (t.length() > max) {
                add(field, label, "is too long: at most " + max + " characters, " + t.length() + " given");
                return null;
            }
            return t;
        }

        <E extends Enum<E>> E choice(String field, String label, String value, Function<String, E> parse, boolean required) {
            String t = trim(value);
            if (t == null) {
                if (required) {
                    add(field, label, "is required");
                }
                return null;
            }
            for (String candidate : List.of(t, t.toUpperCase(Locale.ROOT), t.toLowerCase(Locale.ROOT))) {
                try {
                    return parse.apply(candidate);
                } catch (IllegalArgumentException e) {
                    // try the next spelling
                }
            }
            add(field, label, "has an unknown value '" + t + "'");
            return null;
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        InvalidInputException exception() {
            return new InvalidInputException(list);
        }
    }
}
