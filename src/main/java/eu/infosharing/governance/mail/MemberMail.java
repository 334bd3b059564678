package eu.infosharing.governance.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A mail to a member organisation's contact persons, one record per kind. Each record names its template (a key of a
 * bundle under mail/, in nl, fr, en and de) and the values the text shows, by name: no caller passes a template's
 * {0}, {1}... by position, and only the record knows where each value stands in its text. The records hold plain
 * values, which the feature that sends the mail reads from its own data; {@link MemberMailer} renders and sends them.
 */
public sealed interface MemberMail {

    /** The contact persons: the greeting names them, the mail goes to their addresses, in the organisation's language. */
    record Recipients(String names, List<String> emails, Locale locale) {
    }

    /** The first mail of a kind that reminds, or a reminder. */
    enum Step { FIRST, REMINDER }

    Recipients to();

    /** The resource bundle under mail/ that holds the template. */
    String bundle();

    /** The template's key in its bundle (its subject and body are {@code <key>.subject} and {@code <key>.body}). */
    String template();

    /** The values in the template's order ({0}, {1}, ...); the Tasklist link is the product's own. */
    Object[] arguments(String tasklist);

    default List<MailGateway.Attachment> attachments() {
        return List.of();
    }

    default Map<String, String> headers() {
        return Map.of();
    }

    /** An application was rejected (at any stage) or expired; the reason is the one recorded on the membership. */
    record ApplicationClosed(Recipients to, Outcome outcome, String arrangement, String applicant, String reference,
                             String reason, String statusPage) implements MemberMail {

        public enum Outcome { REJECTED, EXPIRED }

        /** The outcome whose mail the model names (its {@code mailTemplate}). */
        public static Outcome outcomeOf(String template) {
            return named(Outcome.values(), ApplicationClosed::templateOf, template);
        }

        private static String templateOf(Outcome outcome) {
            return switch (outcome) {
                case REJECTED -> "rejection";
                case EXPIRED -> "expiry";
            };
        }

        @Override
        public String bundle() {
            return "mail/onboarding";
        }

        @Override
        public String template() {
            return templateOf(outcome);
        }

        @Override
        public Object[] arguments(String tasklist) {
            return new Object[] {arrangement, to.names(), applicant, reference, reason == null ? "" : reason, statusPage};
        }
    }

    /**
     * Where an application stands, told to the applicant when it changes for them: received, a question of the
     * coordinators to answer, the rules of conduct to accept, the membership active. Each mail links to the member's
     * status page; the requests also link to Tasklist, where the task waits.
     */
    record ApplicationProgress(Recipients to, Stage stage, String arrangement, String applicant, String reference,
                               String detail, String statusPage) implements MemberMail {

        public enum Stage {
            RECEIVED("received"), INFORMATION_REQUEST("information-request"), ACCEPTANCE_REQUEST("acceptance-request"),
            ACTIVATION("activation");

            private final String template;

            Stage(String template) {
                this.template = template;
            }
        }

        /** The stage whose mail the model names (its {@code mailTemplate}), or empty when the name is another mail's. */
        public static java.util.Optional<Stage> stageOf(String template) {
            return Arrays.stream(Stage.values()).filter(s -> s.template.equals(template)).findFirst();
        }

        @Override
        public String bundle() {
            return "mail/onboarding";
        }

        @Override
        public String template() {
            return stage.template;
        }

        @Override
        public Object[] arguments(String tasklist) {
            return new Object[] {arrangement, to.names(), applicant, reference, detail == null ? "" : detail, tasklist,
                    statusPage};
        }
    }

    /** The coordinators approved the application: a representative is to accept the rules of conduct before it expires. */
    record RulesAcceptanceReminder(Recipients to, String arrangement, String applicant, String reference,
                                   LocalDate expiresOn) implements MemberMail {

        public static final String TEMPLATE = "acceptance-reminder";

        @Override
        public String bundle() {
            return "mail/onboarding";
        }

        @Override
        public String template() {
            return TEMPLATE;
        }

        @Override
        public Object[] arguments(String tasklist) {
            // the expiry date is shown as an ISO date (2027-03-31) in every language
            return new Object[] {arrangement, to.names(), applicant, reference, "", tasklist, expiresOn.toString()};
        }
    }

    /** A former member is to confirm that it destroyed what it received under TLP:AMBER and above. */
    record DestructionConfirmation(Recipients to, Step step, String organisation, String arrangement, LocalDate ceasedOn,
                                   LocalDate confirmBy) implements MemberMail {

        /** The step whose mail the model names (its {@code mailTemplate}). */
        public static Step stepOf(String template) {
            return named(Step.values(), DestructionConfirmation::templateOf, template);
        }

        private static String templateOf(Step step) {
            return step == Step.FIRST ? "destruction-request" : "destruction-reminder";
        }

        @Override
        public String bundle() {
            return "mail/cessation";
        }

        @Override
        public String template() {
            return templateOf(step);
        }

        @Override
        public Object[] arguments(String tasklist) {
            return new Object[] {to.names(), organisation, arrangement, longDate(ceasedOn, to.locale()),
                    longDate(confirmBy, to.locale()), tasklist};
        }
    }

    /** A new version of the rules of conduct is to be accepted before it takes effect. */
    record RulesRevisionReminder(Recipients to, String organisation, String arrangement, String version,
                                 LocalDate effectiveFrom) implements MemberMail {

        @Override
        public String bundle() {
            return "mail/revision";
        }

        @Override
        public String template() {
            return "revision-reminder";
        }

        @Override
        public Object[] arguments(String tasklist) {
            return new Object[] {to.names(), organisation, arrangement, version, longDate(effectiveFrom, to.locale()),
                    tasklist};
        }
    }

    /** The yearly review waits for the member to confirm its data. */
    record AnnualReviewReminder(Recipients to, String organisation, String arrangement) implements MemberMail {

        @Override
        public String bundle() {
            return "mail/revision";
        }

        @Override
        public String template() {
            return "review-reminder";
        }

        @Override
        public Object[] arguments(String tasklist) {
            return new Object[] {to.names(), organisation, arrangement, "", "", tasklist};
        }
    }

    /**
     * A notification the member sends itself to a competent authority: handed over, then reminded, with the letter
     * attached and its reference in a header. The occasion chooses the words: an entry, the end of the participation, or
     * an authority the participation no longer concerns.
     */
    record NotificationForMember(Recipients to, Step step, Occasion occasion, String authority, String authorityAddress,
                                 String organisation, String arrangement, String reference, LocalDate dueOn,
                                 LocalDate effectiveOn, byte[] letter) implements MemberMail {

        /** The step whose mail the model names (its {@code mailTemplate}). */
        public static Step stepOf(String template) {
            return named(Step.values(), NotificationForMember::templateOf, template);
        }

        private static String templateOf(Step step) {
            return step == Step.FIRST ? "prepared" : "reminder";
        }

        public enum Occasion {
            ENTRY(""), CESSATION("-cessation"), CONCERN_ENDED("-concern-ended");

            private final String suffix;

            Occasion(String suffix) {
                this.suffix = suffix;
            }
        }

        @Override
        public String bundle() {
            return "mail/notification";
        }

        @Override
        public String template() {
            return templateOf(step) + occasion.suffix;
        }

        @Override
        public Object[] arguments(String tasklist) {
            return new Object[] {authority, to.names(), organisation, arrangement, reference, longDate(dueOn, to.locale()),
                    tasklist, authorityAddress, longDate(effectiveOn, to.locale())};
        }

        @Override
        public List<MailGateway.Attachment> attachments() {
            return List.of(new MailGateway.Attachment(reference + ".pdf", "application/pdf", letter));
        }

        @Override
        public Map<String, String> headers() {
            return Map.of(MailGateway.REFERENCE_HEADER, reference);
        }
    }

    /**
     * A person applied on the Apply to join page: the single-use link that proves the address is theirs. A request
     * for an address that has an account or a request already gets {@link AccountAlreadyKnown} instead, so the page
     * answers the same whoever asks.
     */
    record AccountVerification(Recipients to, String organisation, String link, String validUntil) implements MemberMail {

        @Override
        public String bundle() {
            return "mail/account";
        }

        @Override
        public String template() {
            return "verify";
        }

        @Override
        public Object[] arguments(String tasklist) {
            return new Object[] {to.names(), organisation, link, validUntil};
        }
    }

    /** Somebody applied to join with an address that has an account or an open request: where to sign in instead. */
    record AccountAlreadyKnown(Recipients to) implements MemberMail {

        @Override
        public String bundle() {
            return "mail/account";
        }

        @Override
        public String template() {
            return "known";
        }

        @Override
        public Object[] arguments(String tasklist) {
            return new Object[] {to.names(), tasklist};
        }
    }

    /** A coordinator accepted the account request: the user name and the single-use link to set a password. */
    record AccountAccepted(Recipients to, String organisation, String userId, String link, String validUntil)
            implements MemberMail {

        @Override
        public String bundle() {
            return "mail/account";
        }

        @Override
        public String template() {
            return "accepted";
        }

        @Override
        public Object[] arguments(String tasklist) {
            return new Object[] {to.names(), organisation, userId, link, validUntil, tasklist};
        }
    }

    /** A coordinator refused the account request, with the reason. */
    record AccountRefused(Recipients to, String organisation, String reason) implements MemberMail {

        @Override
        public String bundle() {
            return "mail/account";
        }

        @Override
        public String template() {
            return "refused";
        }

        @Override
        public Object[] arguments(String tasklist) {
            return new Object[] {to.names(), organisation, reason};
        }
    }

    /** The constant whose template is the one the model names; a name no mail has is a mistake in the model. */
    private static <E extends Enum<E>> E named(E[] values, Function<E, String> template, String name) {
        return Arrays.stream(values).filter(v -> template.apply(v).equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No member mail '" + name + "' of this kind"));
    }

    /** A date as the recipient reads it in a sentence: "31 March 2027", "31 maart 2027". */
    private static String longDate(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }
}
