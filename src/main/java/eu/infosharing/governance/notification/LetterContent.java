package eu.infosharing.governance.notification;

import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything a notification letter to one competent authority says, already decided: the letter only renders it.
 * Kept free of entities so that the same content always gives the same letter, which is what makes it evidence.
 *
 * @param reference         stable reference the authority quotes back, e.g. {@code AGN-2026-000042-CCB-ENTRY}
 * @param enterpriseNumber  Belgian enterprise number as formatted for people ({@code 0599.799.597}), or null
 * @param foreignRegisterId national register id of a foreign entity, or null
 * @param lei               LEI, or null
 * @param arrangementCode   short code of the arrangement, or null
 * @param legalBasis        the provision of the authority's regime for this event, in the letter's language
 *                          ({@link LegalBasis}); printed as given
 * @param sentOnBehalf      true when the arrangement sends on the member's behalf, false when the member sends it
 * @param particulars       what a supervisor needs besides: the organiser, the entity's regimes, its contact persons;
 *                          null prints none of it
 */
public record LetterContent(
        String reference,
        NotificationEvent event,
        Language language,
        String authorityName,
        String entityName,
        String entityCountry,
        String enterpriseNumber,
        String foreignRegisterId,
        String lei,
        String arrangementName,
        String arrangementCode,
        LocalDate effectiveDate,
        String legalBasis,
        LocalDate issuedOn,
        boolean sentOnBehalf,
        LocalDate participatingSince,
        Particulars particulars) {

    /** Who runs the arrangement, as a supervisor would write to it (configuration: {@link OrganiserSettings}). */
    public record Organiser(String name, String address, String contactPoint) {
    }

    /**
     * The rest of what a supervisor needs to place the notification: the arrangement's organiser, the entity's NIS2
     * status and sector and its DORA entity type (each null when it has none), and its contact persons as displayed.
     */
    public record Particulars(Organiser organiser, Nis2Status nis2Status, Nis2Sector nis2Sector,
                              DoraEntityType doraEntityType, String contactPersons, String supervisoryId) {
    }

    /** A letter without the organiser, regimes and contacts (tests of the letter's other parts). */
    public LetterContent(String reference, NotificationEvent event, Language language, String authorityName,
                         String entityName, String entityCountry, String enterpriseNumber, String foreignRegisterId,
                         String lei, String arrangementName, String arrangementCode, LocalDate effectiveDate,
                         String legalBasis, LocalDate issuedOn, boolean sentOnBehalf, LocalDate participatingSince) {
        this(reference, event, language, authorityName, entityName, entityCountry, enterpriseNumber, foreignRegisterId, lei,
                arrangementName, arrangementCode, effectiveDate, legalBasis, issuedOn, sentOnBehalf, participatingSince, null);
    }

    /** A letter whose event is also when the participation began (or ended): no separate start of participation. */
    public LetterContent(String reference, NotificationEvent event, Language language, String authorityName,
                         String entityName, String entityCountry, String enterpriseNumber, String foreignRegisterId,
                         String lei, String arrangementName, String arrangementCode, LocalDate effectiveDate,
                         String legalBasis, LocalDate issuedOn, boolean sentOnBehalf) {
        this(reference, event, language, authorityName, entityName, entityCountry, enterpriseNumber, foreignRegisterId, lei,
                arrangementName, arrangementCode, effectiveDate, legalBasis, issuedOn, sentOnBehalf, null, null);
    }

    /**
     * Whether an entry letter tells an authority of a participation that began earlier: the entity became its concern
     * later (a yearly review found a new status), so the letter names both dates.
     */
    public boolean joinedEarlier() {
        return event == NotificationEvent.ENTRY && participatingSince != null && participatingSince.isBefore(effectiveDate);
    }

    public LetterContent {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(authorityName, "authorityName");
        Objects.requireNonNull(entityName, "entityName");
        Objects.requireNonNull(arrangementName, "arrangementName");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(issuedOn, "issuedOn");
    }
}
