package eu.infosharing.governance.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the flat fields of the Tasklist forms (forms/application.form, forms/amend-application.form). */
public final class FormApplication {

    /** Every field of the start form: removed from the process once the application is stored. */
    static final List<String> START_FORM_KEYS = List.of("arrangementCode", "legalName", "legalForm", "country",
            "enterpriseNumber", "foreignRegisterId", "lei", "participantType", "nis2Status", "nis2Sector",
            "doraEntityType", "preferredLanguage", "contact1Name", "contact1Email", "contact1Phone",
            "contact1PgpFingerprint", "contact2Name", "contact2Email", "contact2Phone", "contact2PgpFingerprint",
            "sponsor1Identifier", "sponsor2Identifier", "motivation", "notificationMode");

    private FormApplication() {
    }

    static ApplicationRequest fromStartForm(Map<String, Object> v) {
        ApplicationRequest.OrganisationInput organisation = new ApplicationRequest.OrganisationInput(
                text(v, "legalName"), text(v, "legalForm"), text(v, "country"), text(v, "enterpriseNumber"),
                text(v, "foreignRegisterId"), text(v, "lei"), text(v, "participantType"), text(v, "nis2Status"),
                text(v, "nis2Sector"), text(v, "doraEntityType"), text(v, "preferredLanguage"));
        List<String> sponsors = Stream.of(text(v, "sponsor1Identifier"), text(v, "sponsor2Identifier"))
                .filter(s -> s != null && !s.isBlank()).toList();
        return new ApplicationRequest(text(v, "arrangementCode"), organisation, contacts(v), sponsors, text(v, "motivation"),
                text(v, "notificationMode"));
    }

    /** Contact 1 always; contact 2 when any of its fields is filled in. */
    public static List<ApplicationRequest.ContactInput> contacts(Map<String, Object> v) {
        List<ApplicationRequest.ContactInput> contacts = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            ApplicationRequest.ContactInput c = new ApplicationRequest.ContactInput(text(v, "contact" + i + "Name"),
                    text(v, "contact" + i + "Email"), text(v, "contact" + i + "Phone"), text(v, "contact" + i + "PgpFingerprint"));
            boolean empty = Stream.of(c.name(), c.email(), c.phone(), c.pgpFingerprint()).allMatch(s -> s == null || s.isBlank());
            if (i == 1 || !empty) {
                contacts.add(c);
            }
        }
        return contacts;
    }

    static String text(Map<String, Object> v, String key) {
        Object value = v.get(key);
        return value == null ? null : value.toString();
    }
}
