package eu.infosharing.governance.process;

import static eu.infosharing.governance.process.ProcessVariable.byForm;

import java.util.List;

/**
 * The fields that describe an organisation and its contact persons in the application form, the amendment form and
 * the yearly review form: one name each, read by the code that turns them into an application.
 */
public final class ApplicationFields {

    public static final ProcessVariable<String> ARRANGEMENT_CODE = byForm("arrangementCode", String.class);
    public static final ProcessVariable<String> LEGAL_NAME = byForm("legalName", String.class);
    public static final ProcessVariable<String> LEGAL_FORM = byForm("legalForm", String.class);
    public static final ProcessVariable<String> COUNTRY = byForm("country", String.class);
    public static final ProcessVariable<String> ENTERPRISE_NUMBER = byForm("enterpriseNumber", String.class);
    public static final ProcessVariable<String> FOREIGN_REGISTER_ID = byForm("foreignRegisterId", String.class);
    public static final ProcessVariable<String> LEI = byForm("lei", String.class);
    /** Also the eligibility decision's input, which the process sets from the stored organisation. */
    public static final ProcessVariable<String> PARTICIPANT_TYPE = ProcessVariable.byProcess("participantType", String.class);
    /** Also a decision input set by the process; in the yearly review a field the member confirms. */
    public static final ProcessVariable<String> NIS2_STATUS = byForm("nis2Status", String.class);
    public static final ProcessVariable<String> NIS2_SECTOR = byForm("nis2Sector", String.class);
    /** Also a decision input set by the process; in the yearly review a field the member confirms. */
    public static final ProcessVariable<String> DORA_ENTITY_TYPE = byForm("doraEntityType", String.class);
    /** Also a decision input set by the process; in the yearly review a field the member confirms. */
    public static final ProcessVariable<String> DORA_LICENCE = byForm("doraLicence", String.class);
    public static final ProcessVariable<String> SUPERVISORY_ID = byForm("supervisoryId", String.class);
    public static final ProcessVariable<String> PREFERRED_LANGUAGE = byForm("preferredLanguage", String.class);
    public static final ProcessVariable<String> SPONSOR_1 = byForm("sponsor1Identifier", String.class);
    public static final ProcessVariable<String> SPONSOR_2 = byForm("sponsor2Identifier", String.class);
    public static final ProcessVariable<String> MOTIVATION = byForm("motivation", String.class);
    public static final ProcessVariable<String> NOTIFICATION_MODE = byForm("notificationMode", String.class);

    /** The four fields of one contact person in a flat form. */
    public record Contact(ProcessVariable<String> name, ProcessVariable<String> email, ProcessVariable<String> phone,
                          ProcessVariable<String> pgpFingerprint) {
    }

    public static final Contact CONTACT_1 = new Contact(byForm("contact1Name", String.class),
            byForm("contact1Email", String.class), byForm("contact1Phone", String.class),
            byForm("contact1PgpFingerprint", String.class));
    public static final Contact CONTACT_2 = new Contact(byForm("contact2Name", String.class),
            byForm("contact2Email", String.class), byForm("contact2Phone", String.class),
            byForm("contact2PgpFingerprint", String.class));
    /** The forms ask for at most two contact persons. */
    public static final List<Contact> CONTACTS = List.of(CONTACT_1, CONTACT_2);

    private ApplicationFields() {
    }

    /** Every field above, for the contracts of the models whose forms carry them. */
    static List<ProcessVariable<?>> all() {
        return List.of(ARRANGEMENT_CODE, LEGAL_NAME, LEGAL_FORM, COUNTRY, ENTERPRISE_NUMBER, FOREIGN_REGISTER_ID, LEI,
                NIS2_SECTOR, SUPERVISORY_ID, PREFERRED_LANGUAGE, SPONSOR_1, SPONSOR_2, MOTIVATION, NOTIFICATION_MODE,
                CONTACT_1.name(), CONTACT_1.email(), CONTACT_1.phone(), CONTACT_1.pgpFingerprint(),
                CONTACT_2.name(), CONTACT_2.email(), CONTACT_2.phone(), CONTACT_2.pgpFingerprint());
    }
}
