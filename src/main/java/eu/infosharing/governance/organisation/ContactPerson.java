package eu.infosharing.governance.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A named representative of a member: personal data under GDPR. */
@Entity
public class ContactPerson {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String phone;

    private String pgpFingerprint;

    protected ContactPerson() {
    }

    ContactPerson(Organisation organisation, int position, ContactDetails details) {
        this.organisation = organisation;
        this.position = position;
        this.name = details.name();
        this.email = details.email();
        this.phone = details.phone();
        this.pgpFingerprint = details.pgpFingerprint();
    }

    void update(ContactDetails details) {
        this.name = details.name();
        this.email = details.email();
        this.phone = details.phone();
        this.pgpFingerprint = details.pgpFingerprint();
    }

    /** Erasure after the retention period: the row stays (positions, history) under a pseudonym. */
    public void pseudonymise(String pseudonym) {
        this.name = pseudonym;
        this.email = "erased-" + id + "@erased.invalid";
        this.phone = "erased";
        this.pgpFingerprint = null;
    }

    public Long getId() {
        return id;
    }

    public ContactDetails details() {
        return new ContactDetails(name, email, phone, pgpFingerprint);
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getPgpFingerprint() {
        return pgpFingerprint;
    }
}
