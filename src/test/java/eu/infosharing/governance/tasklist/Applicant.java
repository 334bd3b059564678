package eu.infosharing.governance.tasklist;

import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.support.Browser;

/**
 * A Belgian private company in the energy sector (NIS2 essential, not a DORA financial entity), as its representative
 * fills the application form in Tasklist: the form that opens from Start process → Membership onboarding.
 */
record Applicant(String legalName, String enterpriseNumber, String contact, String email, String phone) {

    /** Fills the open application form for the arrangement (its label in the list); the caller presses Start. */
    void fill(Browser browser, String arrangement, String motivation) {
        browser.select(ApplicationFields.ARRANGEMENT_CODE.name(), arrangement);
        browser.type(ApplicationFields.LEGAL_NAME.name(), legalName);
        browser.type(ApplicationFields.LEGAL_FORM.name(), "NV");
        browser.type(ApplicationFields.ENTERPRISE_NUMBER.name(), enterpriseNumber);
        browser.select("participantType", "Private company");
        browser.select(ApplicationFields.PREFERRED_LANGUAGE.name(), "English");
        browser.select(ApplicationFields.NIS2_STATUS.name(), "Essential entity");
        browser.select(ApplicationFields.NIS2_SECTOR.name(), "Energy (Annex I)");
        browser.type(ApplicationFields.CONTACT_1.name().name(), contact);
        browser.type(ApplicationFields.CONTACT_1.email().name(), email);
        browser.type(ApplicationFields.CONTACT_1.phone().name(), phone);
        browser.type(ApplicationFields.MOTIVATION.name(), motivation);
    }
}
