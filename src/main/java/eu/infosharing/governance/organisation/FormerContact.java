package eu.infosharing.governance.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/**
 * A contact person's details as they were before a yearly review or an amendment replaced or removed them. Kept only
 * so that the erasure after the organisation's cessation can find every copy of them (the engine's history keeps the
 * forms that showed them); that erasure deletes this record too.
 */
@Entity
public class FormerContact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String phone;

    private String pgpFingerprint;

    @Column(nullable = false)
    private Instant replacedAt;

    protected FormerContact() {
    }

    FormerContact(Organisation organisation, ContactDetails details) {
        this.organisation = organisation;
        this.name = details.name();
        this.email = details.email();
        this.phone = details.phone();
        this.pgpFingerprint = details.pgpFingerprint();
        this.replacedAt = Instant.now();
    }

    public ContactDetails details() {
        return new ContactDetails(name, email, phone, pgpFingerprint);
    }

    public Instant getReplacedAt() {
        return replacedAt;
    }
}
