package eu.infosharing.governance.member;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.infosharing.governance.engine.StartFormPersonaliser;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.organisation.EnterpriseNumber;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.Forms;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application form opens filled in with what the product knows of the representative's organisation: its name,
 * legal form, country, identifiers and language. The representative may change any of it; the server validates what
 * is submitted as it validates every application.
 */
@Component
public class ApplicationFormPrefill implements StartFormPersonaliser {

    private final CurrentUser currentUser;
    private final OrganisationRepository organisations;

    public ApplicationFormPrefill(CurrentUser currentUser, OrganisationRepository organisations) {
        this.currentUser = currentUser;
        this.organisations = organisations;
    }

    @Override
    public String formId() {
        return Forms.APPLICATION.id();
    }

    @Override
    @Transactional(readOnly = true)
    public void personalise(ObjectNode schema) {
        if (!currentUser.isAuthenticated()) {
            return;
        }
        organisations.findRepresentedBy(currentUser.groups()).ifPresent(o -> prefill(schema, o));
    }

    private static void prefill(ObjectNode schema, Organisation o) {
        FormSchema.prefill(schema, ApplicationFields.LEGAL_NAME.name(), o.getLegalName());
        FormSchema.prefill(schema, ApplicationFields.LEGAL_FORM.name(), o.getLegalForm());
        FormSchema.prefill(schema, ApplicationFields.COUNTRY.name(), o.getCountry());
        FormSchema.prefill(schema, ApplicationFields.ENTERPRISE_NUMBER.name(),
                o.getEnterpriseNumber() == null ? null : EnterpriseNumber.format(o.getEnterpriseNumber()));
        FormSchema.prefill(schema, ApplicationFields.FOREIGN_REGISTER_ID.name(), o.getForeignRegisterId());
        FormSchema.prefill(schema, ApplicationFields.LEI.name(), o.getLei());
        FormSchema.prefill(schema, ApplicationFields.SUPERVISORY_ID.name(), o.getSupervisoryId());
        FormSchema.prefill(schema, ApplicationFields.PREFERRED_LANGUAGE.name(),
                o.getPreferredLanguage() == null ? null : o.getPreferredLanguage().name());
    }
}
