package eu.infosharing.governance.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.infosharing.governance.mail.MemberMail.AnnualReviewReminder;
import eu.infosharing.governance.mail.MemberMail.ApplicationClosed;
import eu.infosharing.governance.mail.MemberMail.ApplicationProgress;
import eu.infosharing.governance.mail.MemberMail.DestructionConfirmation;
import eu.infosharing.governance.mail.MemberMail.NotificationForMember;
import eu.infosharing.governance.mail.MemberMail.Recipients;
import eu.infosharing.governance.mail.MemberMail.RulesAcceptanceReminder;
import eu.infosharing.governance.mail.MemberMail.RulesRevisionReminder;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Every kind of member mail, in every language, puts each value where its text says it belongs. Each value is
 * distinct, and the expected text is the template filled in by what each placeholder means (written here, field by field,
 * from the English text): a record that passed two values in each other's place fails, in the language where it shows.
 */
class MemberMailerTest {

    private static final List<String> LANGUAGES = List.of("nl", "fr", "en", "de");
    private static final String TASKLIST = "https://governance.test/camunda/app/tasklist/";
    private static final String STATUS_PAGE = "https://governance.test/my-organisation/memberships/42";
    private static final byte[] LETTER = {'%', 'P', 'D', 'F'};

    /** The values, each one distinct, by the name of what it is. */
    private static final Map<String, Object> VALUE = new LinkedHashMap<>();

    static {
        VALUE.put("names", "Ann Peeters, Bo Smits");
        VALUE.put("organisation", "Acme Bank NV");
        VALUE.put("arrangement", "Financial Sector CERT Group");
        VALUE.put("reference", "M-42");
        VALUE.put("reason", "Not a cybersecurity team");
        VALUE.put("tasklist", TASKLIST);
        VALUE.put("version", "2027.1");
        VALUE.put("authority", "Nationale Bank van België");
        VALUE.put("authorityAddress", "nis2@nbb.example");
        VALUE.put("notificationReference", "NOT-2027-0007");
        VALUE.put("empty", "");
        VALUE.put("statusPage", STATUS_PAGE);
        VALUE.put("question", "Which team of yours handles incidents?");
    }

    private static final LocalDate CEASED_ON = LocalDate.of(2027, 3, 1);
    private static final LocalDate CONFIRM_BY = LocalDate.of(2027, 3, 31);
    private static final LocalDate EXPIRES_ON = LocalDate.of(2027, 4, 15);
    private static final LocalDate EFFECTIVE_FROM = LocalDate.of(2027, 5, 20);
    private static final LocalDate DUE_ON = LocalDate.of(2027, 6, 10);

    private final List<MailGateway.Mail> sent = new ArrayList<>();
    private final MemberMailer mailer = new MemberMailer(capturingGateway(), links());

    /**
     * One case per kind and step: the mail, its bundle and template, and what each placeholder {0}, {1}, ... of that
     * template means; a date is named "date:" + which date, shown in the recipient's language.
     */
    record Case(String name, Function<Recipients, MemberMail> mail, String bundle, String template, List<String> placeholders) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        List<String> closed = List.of("arrangement", "names", "organisation", "reference", "reason", "statusPage");
        List<String> progress = List.of("arrangement", "names", "organisation", "reference", "question", "tasklist",
                "statusPage");
        List<String> destruction = List.of("names", "organisation", "arrangement", "date:ceasedOn", "date:confirmBy", "tasklist");
        List<String> notification = List.of("authority", "names", "organisation", "arrangement", "notificationReference",
                "date:dueOn", "tasklist", "authorityAddress", "date:effectiveOn");
        List<Case> cases = new ArrayList<>(List.of(
                new Case("rejection", to -> new ApplicationClosed(to, ApplicationClosed.Outcome.REJECTED, "Financial Sector CERT Group",
                        "Acme Bank NV", "M-42", "Not a cybersecurity team", STATUS_PAGE), "mail/onboarding", "rejection", closed),
                new Case("expiry", to -> new ApplicationClosed(to, ApplicationClosed.Outcome.EXPIRED, "Financial Sector CERT Group",
                        "Acme Bank NV", "M-42", "Not a cybersecurity team", STATUS_PAGE), "mail/onboarding", "expiry", closed),
                new Case("acceptance reminder", to -> new RulesAcceptanceReminder(to, "Financial Sector CERT Group",
                        "Acme Bank NV", "M-42", EXPIRES_ON), "mail/onboarding", "acceptance-reminder",
                        List.of("arrangement", "names", "organisation", "reference", "empty", "tasklist", "iso:expiresOn")),
                new Case("destruction request", to -> new DestructionConfirmation(to, MemberMail.Step.FIRST,
                        "Acme Bank NV", "Financial Sector CERT Group", CEASED_ON, CONFIRM_BY), "mail/cessation",
                        "destruction-request", destruction),
                new Case("destruction reminder", to -> new DestructionConfirmation(to, MemberMail.Step.REMINDER,
                        "Acme Bank NV", "Financial Sector CERT Group", CEASED_ON, CONFIRM_BY), "mail/cessation",
                        "destruction-reminder", destruction),
                new Case("revision reminder", to -> new RulesRevisionReminder(to, "Acme Bank NV", "Financial Sector CERT Group",
                        "2027.1", EFFECTIVE_FROM), "mail/revision", "revision-reminder",
                        List.of("names", "organisation", "arrangement", "version", "date:effectiveFrom", "tasklist")),
                new Case("review reminder", to -> new AnnualReviewReminder(to, "Acme Bank NV", "Financial Sector CERT Group"),
                        "mail/revision", "review-reminder",
                        List.of("names", "organisation", "arrangement", "empty", "empty", "tasklist"))));
        for (ApplicationProgress.Stage stage : ApplicationProgress.Stage.values()) {
            cases.add(new Case(stage.name(), to -> new ApplicationProgress(to, stage, "Financial Sector CERT Group",
                    "Acme Bank NV", "M-42", "Which team of yours handles incidents?", STATUS_PAGE), "mail/onboarding",
                    stage.name().toLowerCase(Locale.ROOT).replace('_', '-'), progress));
        }
        for (MemberMail.Step step : MemberMail.Step.values()) {
            for (NotificationForMember.Occasion occasion : NotificationForMember.Occasion.values()) {
                String template = (step == MemberMail.Step.FIRST ? "prepared" : "reminder") + switch (occasion) {
                    case ENTRY -> "";
                    case CESSATION -> "-cessation";
                    case CONCERN_ENDED -> "-concern-ended";
                };
                cases.add(new Case(template, to -> notification(to, step, occasion), "mail/notification", template, notification));
            }
        }
        return cases;
    }

    static Stream<Arguments> everyKindInEveryLanguage() {
        return cases().stream().flatMap(c -> LANGUAGES.stream().map(l -> Arguments.of(c, l)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindInEveryLanguage")
    void eachValueStandsWhereTheTextSaysItBelongs(Case c, String language) {
        Locale locale = Locale.forLanguageTag(language);
        MemberMail mail = c.mail().apply(recipients(locale));
        assertThat(mail.bundle()).isEqualTo(c.bundle());
        assertThat(mail.template()).isEqualTo(c.template());

        mailer.send(mail);

        MailGateway.Mail out = sent.get(0);
        Object[] meant = c.placeholders().stream().map(p -> value(p, locale)).toArray();
        ResourceBundle texts = ResourceBundle.getBundle(c.bundle(), locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        assertThat(texts.getLocale()).as("the template exists in " + language).isEqualTo(locale);
        assertThat(out.subject()).isEqualTo(new MessageFormat(texts.getString(c.template() + ".subject"), locale).format(meant));
        assertThat(out.body()).isEqualTo(new MessageFormat(texts.getString(c.template() + ".body"), locale).format(meant));
        assertThat(out.body()).as("no placeholder left unfilled").doesNotContainPattern("\\{\\d\\}")
                .contains((String) VALUE.get("names"));
        assertThat(out.to()).containsExactly("ann@acme.example", "bo@acme.example");
    }

    /** The placeholders above are what the English text says they are. */
    @Test
    void theEnglishTextsReadAsTheyShould() {
        Recipients to = recipients(Locale.ENGLISH);

        mailer.send(new ApplicationClosed(to, ApplicationClosed.Outcome.REJECTED, "Financial Sector CERT Group", "Acme Bank NV",
                "M-42", "Not a cybersecurity team", STATUS_PAGE));
        assertThat(sent.get(0).subject()).isEqualTo("Your application to Financial Sector CERT Group was not accepted");
        assertThat(sent.get(0).body()).startsWith("Dear Ann Peeters, Bo Smits,\n\nThe application of Acme Bank NV to join the "
                + "information-sharing arrangement Financial Sector CERT Group (reference M-42) was not accepted.\n\n"
                + "Reason: Not a cybersecurity team\n");

        mailer.send(new RulesAcceptanceReminder(to, "Financial Sector CERT Group", "Acme Bank NV", "M-42", EXPIRES_ON));
        assertThat(sent.get(1).body()).contains("a representative of Acme Bank NV must accept the rules of conduct in "
                + "Tasklist:\n" + TASKLIST + "\n\nWithout acceptance the application expires on 2027-04-15.");

        mailer.send(new DestructionConfirmation(to, MemberMail.Step.FIRST, "Acme Bank NV",
                "Financial Sector CERT Group", CEASED_ON, CONFIRM_BY));
        assertThat(sent.get(2).body()).contains("The participation of Acme Bank NV in the information-sharing arrangement "
                + "Financial Sector CERT Group ended on March 1, 2027.").contains("Please confirm in Tasklist by March 31, 2027");

        mailer.send(new RulesRevisionReminder(to, "Acme Bank NV", "Financial Sector CERT Group", "2027.1", EFFECTIVE_FROM));
        assertThat(sent.get(3).subject())
                .isEqualTo("Reminder: accept version 2027.1 of the rules of conduct of Financial Sector CERT Group by May 20, 2027");
        assertThat(sent.get(3).body()).contains("A representative of Acme Bank NV must accept it");

        mailer.send(new AnnualReviewReminder(to, "Acme Bank NV", "Financial Sector CERT Group"));
        assertThat(sent.get(4).body()).contains("The yearly review of the participation of Acme Bank NV in Financial Sector "
                + "CERT Group is waiting for you");

        mailer.send(notification(to, MemberMail.Step.REMINDER, NotificationForMember.Occasion.CESSATION));
        assertThat(sent.get(5).subject()).isEqualTo("Reminder: notify Nationale Bank van België of the end of your "
                + "participation by June 10, 2027 (NOT-2027-0007)");
        assertThat(sent.get(5).body()).contains("that Acme Bank NV notified Nationale Bank van België that its participation in "
                + "Financial Sector CERT Group ended with effect from March 1, 2027 (reference NOT-2027-0007)")
                .contains("Please send it to Nationale Bank van België (nis2@nbb.example) and confirm in Tasklist:\n" + TASKLIST);
    }

    /**
     * Each mail of the application's way (received, a question to answer, the rules to accept, active, rejected,
     * expired) links to the member's status page and is written in the member's language; the requests link to
     * Tasklist too.
     */
    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindInEveryLanguage")
    void theApplicantsMailsLinkToTheStatusPageInTheMembersLanguage(Case c, String language) {
        MemberMail mail = c.mail().apply(recipients(Locale.forLanguageTag(language)));
        if (!(mail instanceof ApplicationProgress) && !(mail instanceof ApplicationClosed)) {
            return;
        }
        mailer.send(mail);
        MailGateway.Mail out = sent.get(0);
        assertThat(out.body()).contains(STATUS_PAGE).contains("M-42").contains("Acme Bank NV");
        String[] greeting = {"Beste ", "Bonjour ", "Dear ", "Guten Tag "};
        assertThat(out.body()).startsWith(greeting[LANGUAGES.indexOf(language)] + VALUE.get("names"));
        if (mail instanceof ApplicationProgress p && (p.stage() == ApplicationProgress.Stage.INFORMATION_REQUEST
                || p.stage() == ApplicationProgress.Stage.ACCEPTANCE_REQUEST)) {
            assertThat(out.body()).contains(TASKLIST);
        }
        if (mail instanceof ApplicationProgress p && p.stage() == ApplicationProgress.Stage.INFORMATION_REQUEST) {
            assertThat(out.body()).contains("Which team of yours handles incidents?");
        }
    }

    @Test
    void theNotificationMailCarriesTheLetterAndItsReference() {
        mailer.send(notification(recipients(Locale.FRENCH), MemberMail.Step.FIRST,
                NotificationForMember.Occasion.ENTRY));

        MailGateway.Mail out = sent.get(0);
        assertThat(out.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("NOT-2027-0007.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.content()).isEqualTo(LETTER);
        });
        assertThat(out.headers()).containsExactly(Map.entry("X-Notification-Reference", "NOT-2027-0007"));
    }

    @Test
    void theOtherMailsCarryNoAttachment() {
        mailer.send(new AnnualReviewReminder(recipients(Locale.GERMAN), "Acme Bank NV", "Financial Sector CERT Group"));

        assertThat(sent.get(0).attachments()).isEmpty();
        assertThat(sent.get(0).headers()).isEmpty();
    }

    @Test
    void theModelsTemplateNamesChooseTheMailAndANameNoMailHasIsRefused() {
        assertThat(ApplicationClosed.outcomeOf("rejection")).isEqualTo(ApplicationClosed.Outcome.REJECTED);
        assertThat(ApplicationClosed.outcomeOf("expiry")).isEqualTo(ApplicationClosed.Outcome.EXPIRED);
        assertThat(DestructionConfirmation.stepOf("destruction-request")).isEqualTo(MemberMail.Step.FIRST);
        assertThat(DestructionConfirmation.stepOf("destruction-reminder")).isEqualTo(MemberMail.Step.REMINDER);
        assertThat(NotificationForMember.stepOf("prepared")).isEqualTo(MemberMail.Step.FIRST);
        assertThat(NotificationForMember.stepOf("reminder")).isEqualTo(MemberMail.Step.REMINDER);
        assertThat(ApplicationProgress.stageOf("received")).contains(ApplicationProgress.Stage.RECEIVED);
        assertThat(ApplicationProgress.stageOf("information-request")).contains(ApplicationProgress.Stage.INFORMATION_REQUEST);
        assertThat(ApplicationProgress.stageOf("acceptance-request")).contains(ApplicationProgress.Stage.ACCEPTANCE_REQUEST);
        assertThat(ApplicationProgress.stageOf("activation")).contains(ApplicationProgress.Stage.ACTIVATION);
        assertThat(ApplicationProgress.stageOf("rejection")).as("another mail's name").isEmpty();
        assertThatThrownBy(() -> ApplicationClosed.outcomeOf("acceptance-reminder")).hasMessageContaining("acceptance-reminder");
        assertThatThrownBy(() -> DestructionConfirmation.stepOf("reminder")).hasMessageContaining("reminder");
        assertThatThrownBy(() -> NotificationForMember.stepOf("destruction-request")).hasMessageContaining("destruction-request");
    }

    private static NotificationForMember notification(Recipients to, MemberMail.Step step,
                                                      NotificationForMember.Occasion occasion) {
        return new NotificationForMember(to, step, occasion, "Nationale Bank van België", "nis2@nbb.example", "Acme Bank NV",
                "Financial Sector CERT Group", "NOT-2027-0007", DUE_ON, CEASED_ON, LETTER);
    }

    private static Object value(String placeholder, Locale locale) {
        DateTimeFormatter longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        return switch (placeholder) {
            case "date:ceasedOn", "date:effectiveOn" -> longDate.format(CEASED_ON);
            case "date:confirmBy" -> longDate.format(CONFIRM_BY);
            case "date:effectiveFrom" -> longDate.format(EFFECTIVE_FROM);
            case "date:dueOn" -> longDate.format(DUE_ON);
            case "iso:expiresOn" -> EXPIRES_ON.toString();
            default -> {
                assertThat(VALUE).as("a value named " + placeholder).containsKey(placeholder);
                yield VALUE.get(placeholder);
            }
        };
    }

    private static Recipients recipients(Locale locale) {
        return new Recipients("Ann Peeters, Bo Smits", List.of("ann@acme.example", "bo@acme.example"), locale);
    }

    private MailGateway capturingGateway() {
        return new MailGateway(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), "x@governance.test",
                Path.of("target/unused-outbox")) {
            @Override
            public String send(Mail mail) {
                sent.add(mail);
                return "<" + sent.size() + "@governance.test>";
            }
        };
    }

    private static PublicLinks links() {
        PublicLinks links = new PublicLinks();
        links.setPublicUrl("https://governance.test");
        return links;
    }
}
