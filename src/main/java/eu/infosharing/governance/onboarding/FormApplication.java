package eu.infosharing.governance.onboarding;

import static eu.infosharing.governance.process.ApplicationFields.*;

import eu.infosharing.governance.organisation.ContactPerson;
import eu.infosharing.governance.process.ApplicationFields;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the flat fields of the Tasklist forms (forms/application.form, amend-application, confirm-annual-review). */
public final class FormApplication {

    private FormApplication() {
    }

    static ApplicationRequest fromStartForm(VariableScope v) {
        ApplicationRequest.OrganisationInput organisation = new ApplicationRequest.OrganisationInput(
                LEGAL_NAME.from(v), LEGAL_FORM.from(v), COUNTRY.from(v), ENTERPRISE_NUMBER.from(v), FOREIGN_REGISTER_ID.from(v),
                LEI.from(v), PARTICIPANT_TYPE.from(v), NIS2_STATUS.from(v), NIS2_SECTOR.from(v), DORA_ENTITY_TYPE.from(v),
                DORA_LICENCE.from(v), SUPERVISORY_ID.from(v), PREFERRED_LANGUAGE.from(v));
        List<String> sponsors = Stream.of(SPONSOR_1.from(v), SPONSOR_2.from(v)).filter(s -> s != null && !s.isBlank()).toList();
        return new ApplicationRequest(ARRANGEMENT_CODE.from(v), organisation, contacts(v), sponsors, MOTIVATION.from(v),
                NOTIFICATION_MODE.from(v));
    }

    /** The contact persons on file, in the flat fields of a form that shows them for correction. */
    public static void prefillContacts(java.util.Map<String, Object> variables, List<ContactPerson> onFile) {
        for (int i = 0; i < CONTACTS.size(); i++) {
            ContactPerson c = onFile.size() > i ? onFile.get(i) : null;
            ApplicationFields.Contact fields = CONTACTS.get(i);
            fields.name().putIn(variables, c == null ? "" : c.getName());
            fields.email().putIn(variables, c == null ? "" : c.getEmail());
            fields.phone().putIn(variables, c == null ? "" : c.getPhone());
        }
    }

    /** Contact 1 always; contact 2 when any of its fields is filled in. */
    public static List<ApplicationRequest.ContactInput> contacts(VariableScope v) {
        List<ApplicationRequest.ContactInput> contacts = new ArrayList<>();
        for (ApplicationFields.Contact fields : CONTACTS) {
            ApplicationRequest.ContactInput c = new ApplicationRequest.ContactInput(fields.name().from(v), fields.email().from(v),
                    fields.phone().from(v), fields.pgpFingerprint().from(v));
            boolean empty = Stream.of(c.name(), c.email(), c.phone(), c.pgpFingerprint()).allMatch(s -> s == null || s.isBlank());
            if (fields == CONTACT_1 || !empty) {
                contacts.add(c);
            }
        }
        return contacts;
    }
}
