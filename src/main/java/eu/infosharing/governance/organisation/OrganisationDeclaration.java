package eu.infosharing.governance.organisation;

import java.util.List;

/** What an applicant declares about its organisation, already validated and normalised. */
public record OrganisationDeclaration(
        String legalName,
        String legalForm,
        String country,
        String enterpriseNumber,
        String foreignRegisterId,
        String lei,
        ParticipantType participantType,
        Nis2Status nis2Status,
        Nis2Sector nis2Sector,
        DoraEntityType doraEntityType,
        DoraLicence doraLicence,
        String supervisoryId,
        Language preferredLanguage,
        List<ContactDetails> contacts) {

    public OrganisationDeclaration withContacts(List<ContactDetails> replaced) {
        return new OrganisationDeclaration(legalName, legalForm, country, enterpriseNumber, foreignRegisterId, lei,
                participantType, nis2Status, nis2Sector, doraEntityType, doraLicence, supervisoryId, preferredLanguage,
                replaced);
    }
}
