package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.arrangement.Arrangement;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationDeclaration;
import java.util.List;
import java.util.Optional;

/**
 * An application that passed every rule: normalised data, the arrangement, the sponsors, and the organisation
 * its identifiers point to when it is already known.
 */
public record ValidatedApplication(
        Arrangement arrangement,
        OrganisationDeclaration declaration,
        Optional<Organisation> existingOrganisation,
        List<Organisation> sponsors,
        String motivation,
        NotificationMode notificationMode) {
}
