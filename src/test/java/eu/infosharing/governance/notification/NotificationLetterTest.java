package eu.infosharing.governance.notification;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationLetterTest {

    private static final String LEGAL_BASIS = "NIS2 Art. 29(4): notify upon entering the arrangement";

    private final NotificationLetter letters = new NotificationLetter(new NotificationSettings());

    @ParameterizedTest
    @CsvSource({
            "nl, 16 maart 2026, deelname, deelneemt",
            "fr, 16 mars 2026, participation, participe",
            "en, 16 March 2026, participation, participates",
            "de, 16. März 2026, Teilnahme, teilnimmt"})
    void entryLetterStatesTheFactsInTheMembersLanguage(Language language, String effectiveDate, String title,
                                                       String verb) throws IOException {
        String text = text(letters.pdf(entry(language)));

        assertThat(text).contains("Acme Bank NV", "0599.799.597", "54930084UKLVMY22DS16",
                "Financial sector focus group", "FIN", effectiveDate, LEGAL_BASIS, "AGN-2026-000042-CCB-ENTRY",
                "Centre for Cybersecurity Belgium", title, verb);
    }

    @Test
    void lettersInEachLanguageAreTranslatedNotCopied() throws IOException {
        assertThat(text(letters.pdf(entry(Language.nl)))).contains("Geachte mevrouw, geachte heer", "België (BE)")
                .doesNotContain("Dear Sir");
        assertThat(text(letters.pdf(entry(Language.fr)))).contains("Madame, Monsieur", "Belgique (BE)")
                .doesNotContain("Dear Sir");
        assertThat(text(letters.pdf(entry(Language.de)))).contains("Sehr geehrte Damen und Herren", "Belgien (BE)")
                .doesNotContain("Dear Sir");
        assertThat(text(letters.pdf(entry(Language.en)))).contains("Dear Sir or Madam", "Belgium (BE)");
    }

    @ParameterizedTest
    @CsvSource({
            "nl, heeft beëindigd",
            "fr, a cessé de participer",
            "en, has ceased to participate",
            "de, beendet hat"})
    void cessationLetterSaysTheMemberLeft(Language language, String ceased) throws IOException {
        LetterContent entry = entry(language);
        String cessation = text(letters.pdf(cessation(entry)));

        assertThat(cessation).contains(ceased, "Acme Bank NV", "AGN-2026-000042-CCB-CESSATION");
        assertThat(text(letters.pdf(entry))).doesNotContain(ceased);
        assertThat(letters.subject(cessation(entry))).isNotEqualTo(letters.subject(entry));
    }

    @ParameterizedTest
    @CsvSource({
            "nl, sinds 16 maart 2026 deelneemt, met ingang van 20 maart 2027",
            "fr, participe depuis le 16 mars 2026, à compter du 20 mars 2027",
            "en, since 16 March 2026, with effect from 20 March 2027",
            "de, seit dem 16. März 2026, mit Wirkung vom 20. März 2027"})
    void anAuthorityToldLaterLearnsSinceWhenTheEntityParticipates(Language language, String since, String concerned)
            throws IOException {
        LetterContent told = entry(language);
        LetterContent later = new LetterContent(told.reference(), told.event(), language, told.authorityName(),
                told.entityName(), told.entityCountry(), told.enterpriseNumber(), told.foreignRegisterId(), told.lei(),
                told.arrangementName(), told.arrangementCode(), LocalDate.of(2027, 3, 20), told.legalBasis(),
                LocalDate.of(2027, 3, 21), true, LocalDate.of(2026, 3, 16));

        assertThat(text(letters.pdf(later))).contains(since, concerned);
        // an entry told at validation says one date only
        assertThat(text(letters.pdf(told))).doesNotContain(since);
    }

    @Test
    void anArrangementWhoseNameCarriesItsCodeIsNamedOnce() throws IOException {
        LetterContent grc = new LetterContent("AGN-2026-000043-CCB-ENTRY", NotificationEvent.ENTRY, Language.en,
                "Centre for Cybersecurity Belgium", "Acme Bank NV", "BE", "0599.799.597", null, null,
                "Governance, Risk & Compliance (GRC)", "GRC", LocalDate.of(2026, 3, 16), LEGAL_BASIS, LocalDate.of(2026, 3, 18),
                true);

        String text = text(letters.pdf(grc));

        assertThat(text).contains("“Governance, Risk & Compliance (GRC)” with effect from")
                .contains("Arrangement Governance, Risk & Compliance (GRC) Event").doesNotContain("(GRC) (GRC)");
        // a name without its code gets it in brackets
        assertThat(text(letters.pdf(entry(Language.en)))).contains("“Financial sector focus group” (FIN)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl|Essentiële entiteit in de zin van Richtlijn (EU) 2022/2555, sector: Bankwezen (bijlage I)|artikel 2, lid 1, punt a): kredietinstelling|Organisator|Contactpunt",
            "fr|Entité essentielle au sens de la directive (UE) 2022/2555, secteur : Secteur bancaire (annexe I)|article 2, paragraphe 1, point a) : établissement de crédit|Organisateur|Point de contact",
            "en|Essential entity under Directive (EU) 2022/2555, sector: Banking (Annex I)|Article 2(1), point (a): Credit institution|Organiser|Contact point",
            "de|Wesentliche Einrichtung im Sinne der Richtlinie (EU) 2022/2555, Sektor: Bankwesen (Anhang I)|Artikel 2 Absatz 1 Buchstabe a: Kreditinstitut|Organisator|Kontaktstelle"})
    void aSupervisorReadsTheEntitysRegimesItsContactAndTheOrganiserInTheLettersLanguage(Language language, String nis2,
            String dora, String organiserLabel, String contactPointLabel) throws IOException {
        LetterContent c = entry(language);
        LetterContent full = new LetterContent(c.reference(), c.event(), language, c.authorityName(), c.entityName(),
                c.entityCountry(), c.enterpriseNumber(), c.foreignRegisterId(), c.lei(), "Governance, Risk & Compliance (GRC)",
                "GRC", c.effectiveDate(), c.legalBasis(), c.issuedOn(), true, null, new LetterContent.Particulars(
                        new LetterContent.Organiser("Cyber Security Coalition", "Rue de l'Exemple 1, 1000 Brussels",
                                "info@cybersecuritycoalition.be"),
                        Nis2Status.ESSENTIAL, Nis2Sector.BANKING, DoraEntityType.A,
                        "Alice Peeters <alice@acme-bank.example>, +32 2 555 01 01", "NBB-REF-4711"));

        String text = text(letters.pdf(full));

        assertThat(text).contains(nis2, dora, organiserLabel + " Cyber Security Coalition, Rue de l'Exemple 1, 1000 Brussels",
                contactPointLabel + " info@cybersecuritycoalition.be", "Alice Peeters <alice@acme-bank.example>, +32 2 555 01 01",
                "0599.799.597", "54930084UKLVMY22DS16", "NBB-REF-4711", "AGN-2026-000042-CCB-ENTRY", c.legalBasis());
        assertThat(text).doesNotContain("(GRC) (GRC)");
        assertThat(letters.body(full)).contains(nis2, dora, "Alice Peeters");
        // an entity outside NIS2 and DORA shows neither line
        LetterContent neither = new LetterContent(c.reference(), c.event(), language, c.authorityName(), c.entityName(),
                c.entityCountry(), c.enterpriseNumber(), null, null, c.arrangementName(), c.arrangementCode(),
                c.effectiveDate(), c.legalBasis(), c.issuedOn(), true, null, new LetterContent.Particulars(null,
                        Nis2Status.NOT_IN_SCOPE, null, null, "", null));
        assertThat(text(letters.pdf(neither))).doesNotContain(nis2, dora, organiserLabel);
    }

    @Test
    void frenchApostrophesSurviveMessageFormat() throws IOException {
        LetterContent content = with(entry(Language.fr), "L'Atelier d'Ixelles SRL", null);

        String text = text(letters.pdf(content));

        assertThat(text).contains(
                "Notification de participation à un dispositif de partage d'informations en matière de cybersécurité",
                "au dispositif de partage d'informations en matière de cybersécurité",
                "numéro d'entreprise 0599.799.597", "Pays d'établissement", "Date de prise d'effet",
                "Veuillez agréer, Madame, Monsieur, l'expression de notre considération distinguée.",
                "L'Atelier d'Ixelles SRL").doesNotContain("''");
        assertThat(letters.subject(content)).startsWith("Notification de participation à un dispositif de partage "
                + "d'informations – L'Atelier d'Ixelles SRL");
        assertThat(letters.subject(cessation(content))).startsWith("Notification de cessation de participation à un "
                + "dispositif de partage d'informations");
        assertThat(letters.body(content)).doesNotContain("''");
    }

    @Test
    void namesOutsideTheFontsCharacterSetStillRender() throws IOException {
        LetterContent content = with(entry(Language.en), "Łódź Polska Sp. z o.o. 数据", null);

        byte[] pdf = letters.pdf(content);

        // the PDF shows what Helvetica can; the e-mail and the document information keep the exact name
        assertThat(text(pdf)).contains("?ódz Polska Sp. z o.o. ??");
        assertThat(letters.body(content)).contains("Łódź Polska Sp. z o.o. 数据");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).contains("Łódź Polska Sp. z o.o. 数据");
        }
    }

    @Test
    void longLegalBasisWrapsAndStaysWhole() throws IOException {
        String legalBasis = "NIS2 Art. 29(4); Belgian NIS2 Act of 26 April 2024, Art. 33 and its implementing royal "
                + "decree; DORA Art. 45(3) for financial entities supervised by the National Bank of Belgium, "
                + "together with the conditions for participation of the arrangement as last amended by its "
                + "coordinators and accepted by the member before validation of its membership";
        LetterContent content = with(entry(Language.en), "Acme Bank NV", legalBasis);

        byte[] pdf = letters.pdf(content);

        String raw = raw(pdf);
        assertThat(raw.lines().filter(l -> l.contains("Belgian NIS2 Act")).findFirst().orElseThrow())
                .as("the legal basis is wider than the page and must wrap")
                .doesNotContain("accepted by the member");
        assertThat(normalise(raw)).contains(legalBasis);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isBetween(1, 2);
        }
    }

    @Test
    void sameContentGivesTheSameLetter() throws IOException {
        byte[] first = letters.pdf(entry(Language.de));
        byte[] second = letters.pdf(entry(Language.de));

        assertThat(text(second)).isEqualTo(text(first));
        assertThat(second).isEqualTo(first);
        assertThat(letters.body(entry(Language.de))).isEqualTo(letters.body(entry(Language.de)));
    }

    @Test
    void documentInformationIdentifiesTheLetter() throws IOException {
        LetterContent content = entry(Language.nl);

        try (PDDocument doc = Loader.loadPDF(letters.pdf(content))) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo(letters.subject(content));
            assertThat(info.getSubject()).isEqualTo("AGN-2026-000042-CCB-ENTRY");
            assertThat(info.getKeywords()).isEqualTo("AGN-2026-000042-CCB-ENTRY");
            assertThat(info.getCreator()).isEqualTo("Arrangement Governance");
            assertThat(info.getCreationDate().toInstant())
                    .isEqualTo(LocalDate.of(2026, 3, 18).atStartOfDay(ZoneId.of("Europe/Brussels")).toInstant());
        }
    }

    @Test
    void everyPageCarriesTheReference() throws IOException {
        String longName = "Acme Bank NV " + "and its branches in every member state of the European Union ".repeat(25);
        byte[] pdf = letters.pdf(with(entry(Language.en), longName, null));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(doc))
                        .contains("AGN-2026-000042-CCB-ENTRY – page " + page + "/" + doc.getNumberOfPages());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void subjectNamesTheEntityAndTheReference(Language language) {
        assertThat(letters.subject(entry(language))).contains("Acme Bank NV", "AGN-2026-000042-CCB-ENTRY");
    }

    @Test
    void englishSubjectReadsAsAFormalNotification() {
        LetterContent entry = entry(Language.en);

        assertThat(letters.subject(entry)).isEqualTo("Notification of participation in an information-sharing "
                + "arrangement – Acme Bank NV – AGN-2026-000042-CCB-ENTRY");
        assertThat(letters.subject(cessation(entry))).startsWith("Notification of cessation of participation");
    }

    @Test
    void letterSaysWhoSendsIt() throws IOException {
        LetterContent onBehalf = entry(Language.en);
        LetterContent self = new LetterContent(onBehalf.reference(), onBehalf.event(), onBehalf.language(),
                onBehalf.authorityName(), onBehalf.entityName(), onBehalf.entityCountry(), onBehalf.enterpriseNumber(),
                onBehalf.foreignRegisterId(), onBehalf.lei(), onBehalf.arrangementName(), onBehalf.arrangementCode(),
                onBehalf.effectiveDate(), onBehalf.legalBasis(), onBehalf.issuedOn(), false);

        assertThat(text(letters.pdf(onBehalf))).contains("sent by the coordinators of the arrangement on behalf of "
                + "Acme Bank NV");
        assertThat(text(letters.pdf(self))).contains("sent by Acme Bank NV itself").doesNotContain("on behalf of");
    }

    @Test
    void foreignEntityIsIdentifiedByItsRegister() throws IOException {
        LetterContent content = new LetterContent("AGN-2026-000043-BAFIN-ENTRY", NotificationEvent.ENTRY,
                Language.de, "Bundesanstalt für Finanzdienstleistungsaufsicht", "Beispiel Bank AG", "DE", null,
                "HRB 123456", null, "Financial sector focus group", "FIN", LocalDate.of(2026, 3, 16),
                "DORA Art. 45(3): notify upon validation of membership (BaFin: within 4 weeks)",
                LocalDate.of(2026, 3, 18), false);

        String text = text(letters.pdf(content));

        assertThat(text).contains("Registernummer HRB 123456", "Deutschland (DE)", "Bundesanstalt für "
                + "Finanzdienstleistungsaufsicht").doesNotContain("Unternehmensnummer", "LEI");
    }

    @Test
    void emailBodyIsTheLetterWithThePdfMentioned() {
        String body = letters.body(entry(Language.nl));

        assertThat(body).contains("Geachte mevrouw, geachte heer,", "deelneemt", "Ondernemingsnummer (KBO): 0599.799.597",
                "Rechtsgrond: " + LEGAL_BASIS, "16 maart 2026", "AGN-2026-000042-CCB-ENTRY");
        assertThat(body.strip().lines().reduce((a, b) -> b).orElseThrow()).contains("PDF");
    }

    private static LetterContent entry(Language language) {
        return new LetterContent("AGN-2026-000042-CCB-ENTRY", NotificationEvent.ENTRY, language,
                "Centre for Cybersecurity Belgium", "Acme Bank NV", "BE", "0599.799.597", null, "54930084UKLVMY22DS16",
                "Financial sector focus group", "FIN", LocalDate.of(2026, 3, 16), LEGAL_BASIS, LocalDate.of(2026, 3, 18),
                true);
    }

    private static LetterContent cessation(LetterContent entry) {
        return new LetterContent(entry.reference().replace("ENTRY", "CESSATION"), NotificationEvent.CESSATION,
                entry.language(), entry.authorityName(), entry.entityName(), entry.entityCountry(),
                entry.enterpriseNumber(), entry.foreignRegisterId(), entry.lei(), entry.arrangementName(),
                entry.arrangementCode(), entry.effectiveDate(), entry.legalBasis(), entry.issuedOn(),
                entry.sentOnBehalf());
    }

    private static LetterContent with(LetterContent c, String entityName, String legalBasis) {
        return new LetterContent(c.reference(), c.event(), c.language(), c.authorityName(), entityName,
                c.entityCountry(), c.enterpriseNumber(), c.foreignRegisterId(), c.lei(), c.arrangementName(),
                c.arrangementCode(), c.effectiveDate(), legalBasis == null ? c.legalBasis() : legalBasis, c.issuedOn(),
                c.sentOnBehalf());
    }

    /** The text a reader sees, with line breaks and non-breaking spaces read as plain spaces. */
    private static String text(byte[] pdf) throws IOException {
        return normalise(raw(pdf));
    }

    private static String raw(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String normalise(String text) {
        return text.replaceAll("[\\s\\u00a0]+", " ");
    }
}
