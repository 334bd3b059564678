package eu.infosharing.governance.organisation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A member entity, or one that applies to become one. Identifiers are stored normalised. */
@Entity
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String legalName;

    @Column(nullable = false)
    private String legalForm;

    @Column(nullable = false)
    private String country;

    private String enterpriseNumber;

    private String foreignRegisterId;

    private String lei;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ParticipantType participantType;

    @Enumerated(EnumType.STRING)
    @Column(name = "nis2_status", nullable = false)
    private Nis2Status nis2Status;

    @Enumerated(EnumType.STRING)
    @Column(name = "nis2_sector")
    private Nis2Sector nis2Sector;

    @Enumerated(EnumType.STRING)
    private DoraEntityType doraEntityType;

    /** Only where the entity type alone does not decide the DORA authority. */
    @Enumerated(EnumType.STRING)
    private DoraLicence doraLicence;

    /** The identifier the entity's supervisor gives it (e.g. BaFin-ID, NBB or FSMA reference), where it has one. */
    private String supervisoryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Language preferredLanguage;

    /** Camunda group of the organisation's representatives; their tasks go to it. */
    private String representativesGroup;

    @OneToMany(mappedBy = "organisation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ContactPerson> contacts = new ArrayList<>();

    /** Contact values replaced or removed since the organisation registered, until the erasure deletes them. */
    @OneToMany(mappedBy = "organisation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("replacedAt, id")
    private List<FormerContact> formerContacts = new ArrayList<>();

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Organisation() {
    }

    public Organisation(String country, String enterpriseNumber, String foreignRegisterId) {
        this.country = country;
        this.enterpriseNumber = enterpriseNumber;
        this.foreignRegisterId = foreignRegisterId;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** Takes over what the applicant declared; identifiers that find the organisation stay as they are. */
    public void declare(OrganisationDeclaration d) {
        this.legalName = d.legalName();
        this.legalForm = d.legalForm();
        this.lei = d.lei();
        this.participantType = d.participantType();
        this.nis2Status = d.nis2Status();
        this.nis2Sector = d.nis2Sector();
        this.doraEntityType = d.doraEntityType();
        this.doraLicence = d.doraLicence();
        this.supervisoryId = d.supervisoryId();
        this.preferredLanguage = d.preferredLanguage();
        replaceContacts(d.contacts());
    }

    /**
     * Updates contacts in place by position (Hibernate inserts before it deletes orphans, so no clear-and-add). What a
     * change replaces or removes is kept as a former contact, so that the erasure finds it.
     */
    public void replaceContacts(List<ContactDetails> details) {
        for (int i = 0; i < details.size(); i++) {
            if (i < contacts.size()) {
                ContactDetails before = contacts.get(i).details();
                if (!before.equals(details.get(i))) {
                    formerContacts.add(new FormerContact(this, before));
                }
                contacts.get(i).update(details.get(i));
            } else {
                contacts.add(new ContactPerson(this, i + 1, details.get(i)));
            }
        }
        while (contacts.size() > details.size()) {
            formerContacts.add(new FormerContact(this, contacts.remove(contacts.size() - 1).details()));
        }
        this.updatedAt = Instant.now();
    }

    /**
     * Forms that do not ask for PGP fingerprints (the amendment, the yearly review): the same person (same e-mail) in
     * the same place keeps the fingerprint on file instead of losing it; another person does not inherit it.
     */
    public List<ContactDetails> keepingFingerprints(List<ContactDetails> given) {
        List<ContactDetails> result = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ContactDetails c = given.get(i);
            ContactPerson onFile = i < contacts.size() ? contacts.get(i) : null;
            boolean samePerson = onFile != null && onFile.getEmail() != null && onFile.getEmail().equalsIgnoreCase(c.email());
            result.add(c.pgpFingerprint() == null && samePerson && onFile.getPgpFingerprint() != null
                    ? new ContactDetails(c.name(), c.email(), c.phone(), onFile.getPgpFingerprint()) : c);
        }
        return result;
    }

    public void amend(String legalName, String legalForm, String lei) {
        this.legalName = legalName;
        this.legalForm = legalForm;
        this.lei = lei;
        this.updatedAt = Instant.now();
    }

    public void assignRepresentativesGroup(String groupId) {
        this.representativesGroup = groupId;
    }

    public String displayIdentifiers() {
        List<String> parts = new ArrayList<>();
        if (enterpriseNumber != null) {
            parts.add("Enterprise number " + EnterpriseNumber.format(enterpriseNumber));
        }
        if (foreignRegisterId != null) {
            parts.add("Register id " + country + " " + foreignRegisterId);
        }
        if (lei != null) {
            parts.add("LEI " + Lei.format(lei));
        }
        if (supervisoryId != null) {
            parts.add("Supervisory id " + supervisoryId);
        }
        return String.join(", ", parts);
    }

    public String displayRegimes() {
        String nis2 = "NIS2: " + nis2Status.label() + (nis2Sector == null ? "" : ", " + nis2Sector.label());
        String dora = "DORA: " + (doraEntityType == null ? "not a financial entity" : doraEntityType.label())
                + (doraLicence == null ? "" : ", " + doraLicence.label());
        return nis2 + "; " + dora;
    }

    public Long getId() {
        return id;
    }

    public String getLegalName() {
        return legalName;
    }

    public String getLegalForm() {
        return legalForm;
    }

    public String getCountry() {
        return country;
    }

    public String getEnterpriseNumber() {
        return enterpriseNumber;
    }

    public String getForeignRegisterId() {
        return foreignRegisterId;
    }

    public String getLei() {
        return lei;
    }

    public ParticipantType getParticipantType() {
        return participantType;
    }

    public Nis2Status getNis2Status() {
        return nis2Status;
    }

    public Nis2Sector getNis2Sector() {
        return nis2Sector;
    }

    public DoraEntityType getDoraEntityType() {
        return doraEntityType;
    }

    public DoraLicence getDoraLicence() {
        return doraLicence;
    }

    public String getSupervisoryId() {
        return supervisoryId;
    }

    public Language getPreferredLanguage() {
        return preferredLanguage;
    }

    public Optional<String> getRepresentativesGroup() {
        return Optional.ofNullable(representativesGroup);
    }

    /** The contact persons' names, for the greeting of the product's mails. */
    public String contactNames() {
        return contacts.stream().map(ContactPerson::getName).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The contact persons on file, one a line (name, e-mail, phone, PGP fingerprint), as task forms show them. */
    public String displayContacts() {
        return contacts.stream().map(c -> c.details().display()).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** Where the product's mails to the organisation go. */
    public List<String> contactEmails() {
        return contacts.stream().map(ContactPerson::getEmail).toList();
    }

    /** Contact values replaced or removed earlier, until the erasure. */
    public List<FormerContact> getFormerContacts() {
        return formerContacts;
    }

    /** The erasure deletes the record of replaced contacts with the rest of their data: those it concerns. */
    public int forgetFormerContacts(java.util.function.Predicate<ContactDetails> concerned) {
        int n = formerContacts.size();
        formerContacts.removeIf(f -> concerned.test(f.details()));
        return n - formerContacts.size();
    }

    public List<ContactPerson> getContacts() {
        return contacts;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
