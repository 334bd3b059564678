package eu.infosharing.governance.audit;

import eu.infosharing.governance.api.PageText;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.DoraLicence;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.organisation.ParticipantType;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one catalogue of names people read for the codes the product records: the kinds of audit entries and engine
 * history, and the values recorded in them (statuses, decisions, choices made in forms). The codes stay in the data
 * and in the JSON, for machines; pages, the evidence pack and the timeline's sentences show these names.
 * {@code WordingTest} walks every code the product can record and fails on one without a name here.
 *
 * <p>The names are English here; a reader of the audit view reads them in its page's language through
 * {@link #in(String)}: names from {@code pages/wording_<language>.properties} (the NIS2 sectors and statuses and DORA's
 * entity types from the notification letters, so the legal terms are the letters'), the sentences' own words from
 * {@code pages/audit_<language>.properties}. Free text recorded with an entry stays as recorded: it is evidence.
 */
public final class Wording {

    /** What happened: the kind of an audit entry or of an engine history entry. */
    private static final Map<String, String> KINDS = new LinkedHashMap<>();
    /** Values recorded inside entries and picked in filters and forms. */
    private static final Map<String, String> VALUES = new LinkedHashMap<>();
    /** Statuses as a person picks them in a filter. */
    private static final Map<MembershipStatus, String> STATUSES = new LinkedHashMap<>();

    static {
        // our audit trail
        kind("APPLICATION_SUBMITTED", "Application submitted");
        kind("STATUS_CHANGED", "Status changed");
        kind("REVIEW_VETTING", "Vetting");
        kind("REVIEW_GDPR", "GDPR check");
        kind("REVIEW_COMPETITION_LAW", "Competition-law review");
        kind("SPONSOR_REQUESTED", "Sponsor asked to endorse");
        kind("SPONSOR_ENDORSED", "Sponsor endorsed the application");
        kind("SPONSOR_DECLINED", "Sponsor declined to endorse");
        kind("SPONSOR_WAIVED", "Sponsor's endorsement waived");
        kind("SPONSOR_FOLLOW_UP", "Sponsor follow-up");
        kind("RULES_ACCEPTED", "Rules of conduct accepted");
        kind("ANNUAL_REVIEW_CONFIRMED", "Yearly review confirmed");
        kind("ANNUAL_REVIEW_DECISION", "Yearly review decision");
        kind("AUTHORITY_CONCERN_ENDED", "Authority no longer concerned");
        kind("AUTHORITY_SEARCH", "Competent authority looked up");
        kind("AUTHORITY_FOUND", "Competent authority found");
        kind("NO_AUTHORITY_APPLIES", "No competent authority applies");
        kind("AUTHORITY_OVERRIDE", "Competent authorities corrected");
        kind("NOTIFICATION_MODE", "Notification choice");
        kind("NOTIFICATION_SENT", "Notification sent");
        kind("NOTIFICATION_FAILED", "Notification could not be sent");
        kind("NOTIFICATION_CONFIRMED", "Notification confirmed as sent by the member");
        kind("NOTIFICATION_CHASED", "Member reminded to send the notification");
        kind("NOTIFICATION_TAKEN_OVER", "Notification taken over by the arrangement");
        kind("NOTIFICATION_OVERDUE", "Notification overdue");
        kind("NOTIFICATION_ACKNOWLEDGED", "Notification acknowledged");
        kind("ACKNOWLEDGEMENT_CHASED", "Acknowledgement chased");
        kind("ACKNOWLEDGEMENT_WAIVED", "Acknowledgement not expected");
        kind("ACKNOWLEDGEMENT_MISSING", "Acknowledgement missing");
        kind("CESSATION_WITHDRAWAL", "Withdrawal");
        kind("CESSATION_BREACH", "Breach procedure");
        kind("CESSATION_LAPSE", "Lapse");
        kind("CESSATION_ORGANISATION_CEASED", "Cessation of the organisation");
        kind("CESSATION_INELIGIBLE", "Loss of eligibility");
        kind("CESSATION_DATE_MOVED", "Cessation date moved");
        kind("BREACH_RESPONSE", "Member's response to the breach report");
        kind("BREACH_DECISION", "Breach decision");
        kind("DESTRUCTION_CONFIRMED", "Destruction of shared information confirmed");
        kind("DATA_SUBJECT_REQUEST", "Data subject request");
        kind("PERSONAL_DATA_ERASED", "Personal data erased");
        // the engine's history
        kind(Timeline.PROCESS_STARTED, "Process started");
        kind(Timeline.PROCESS_ENDED, "Process ended");
        kind(Timeline.PROCESS_CANCELLED, "Process cancelled");
        kind(Timeline.TASK_CREATED, "Task opened");
        kind(Timeline.TASK_COMPLETED, "Task completed");
        kind(Timeline.TASK_CANCELLED, "Task closed");
        kind(Timeline.DECISION, "Decision table evaluated");
        kind(Timeline.INCIDENT_RAISED, "Incident");
        kind(Timeline.INCIDENT_RESOLVED, "Incident resolved");
        kind(Timeline.INCIDENT_CLOSED, "Incident closed");

        status(MembershipStatus.SUBMITTED, "Submitted");
        status(MembershipStatus.AWAITING_ENDORSEMENT, "Awaiting the sponsor's endorsement");
        status(MembershipStatus.UNDER_REVIEW, "Under review");
        status(MembershipStatus.INFORMATION_REQUESTED, "More information requested");
        status(MembershipStatus.AWAITING_RULES_ACCEPTANCE, "Awaiting acceptance of the rules");
        status(MembershipStatus.COMPLIANCE_REVIEW, "Compliance review");
        status(MembershipStatus.VALIDATED, "Validated");
        status(MembershipStatus.ACTIVE, "Active");
        status(MembershipStatus.SUSPENDED, "Suspended");
        status(MembershipStatus.CESSATION_PENDING, "Cessation pending");
        status(MembershipStatus.CEASED, "Ceased");
        status(MembershipStatus.REJECTED, "Rejected");
        status(MembershipStatus.EXPIRED, "Expired");

        // decisions (as they read after "Vetting: ")
        value("APPROVE", "approved");
        value("ACCEPT", "accepted");
        value("REJECT", "rejected");
        value("REQUEST_INFORMATION", "more information requested");
        value("AUTOMATIC_PASS", "passed automatically");
        value("ENDORSE", "endorsed");
        value("DECLINE", "declined");
        value("REMIND", "sponsor reminded");
        value("WAIVE", "endorsement waived");
        value("REQUESTED", "requested");
        value("ENDORSED", "endorsed");
        value("DECLINED", "declined");
        value("WAIVED", "waived");
        value("EXTEND", "extended");
        value("SUSPEND", "suspended");
        value("LAPSE", "lapse");
        value("WARNING", "warning");
        value("SUSPENSION", "suspension");
        value("EXPULSION", "expulsion");
        value("WITHDRAWAL", "withdrawal");
        value("BREACH", "breach of the rules");
        value("ORGANISATION_CEASED", "organisation ceased to exist");
        value("INELIGIBLE", "no longer eligible");
        value("TELL_AUTHORITY", "tell the authority");
        value("KEEP_INFORMED", "keep the authority informed");
        value("RECORD_ACKNOWLEDGEMENT", "acknowledgement recorded");
        value("RECORD_CONFIRMATION", "confirmation recorded");
        value("CHASED", "chased");
        value("NOT_EXPECTED", "not expected");
        value("AUTHORITY_FOUND", "competent authority found");
        value("NO_AUTHORITY_APPLIES", "no competent authority applies");
        value("ANSWER", "answered");
        value("RECTIFY", "rectified");
        value("ERASE", "erased");
        value("REFUSE", "refused");
        // choices
        value("LEGITIMATE_INTEREST", "legitimate interest (GDPR Art. 6(1)(f))");
        value("PUBLIC_TASK", "public task (GDPR Art. 6(1)(e))");
        value("LEGAL_OBLIGATION", "legal obligation (GDPR Art. 6(1)(c))");
        value("CONSENT", "consent (GDPR Art. 6(1)(a))");
        value("SEND_ON_BEHALF", "the arrangement sends them on the member's behalf");
        value("PREPARE_ONLY", "the member sends them itself");
        value("ENTRY", "entry");
        value("CESSATION", "cessation");
        value("CONCERN_ENDED", "participation no longer of concern");
        value("PREPARED", "prepared");
        value("SENT", "sent");
        value("AWAITING_MEMBER", "awaiting the member's sending");
        value("CONFIRMED", "confirmed");
        value("EMAIL", "e-mail");
        value("HTTPS", "HTTPS");
        value("NONE", "not a financial entity");
        value("nl", "Dutch");
        value("fr", "French");
        value("en", "English");
        value("de", "German");
        for (ParticipantType t : ParticipantType.values()) {
            value(t.name(), t.label());
        }
        for (Nis2Status s : Nis2Status.values()) {
            value(s.name(), s.label());
        }
        for (Nis2Sector s : Nis2Sector.values()) {
            value(s.name(), s.label());
        }
        for (DoraLicence l : DoraLicence.values()) {
            value(l.name(), l.label());
        }
    }

    private Wording() {
    }

    private static void kind(String code, String label) {
        KINDS.put(code, label);
    }

    private static void status(MembershipStatus status, String label) {
        STATUSES.put(status, label);
        VALUES.put(status.name(), label);
    }

    private static void value(String code, String label) {
        VALUES.putIfAbsent(code, label);
    }

    /** The names and sentences in English: the JSON timeline, the evidence pack, the staff's default. */
    public static final In ENGLISH = new In("en");
    private static final Map<String, In> LANGUAGES = new java.util.concurrent.ConcurrentHashMap<>(Map.of("en", ENGLISH));

    /** The names and sentences in a language of the pages: nl, fr, en or de. */
    public static In in(String language) {
        return LANGUAGES.computeIfAbsent(language, In::new);
    }

    /** The name of an entry's kind; a code the catalogue lacks reads as words rather than as a code. */
    public static String kind(String code) {
        return ENGLISH.kind(code);
    }

    public static boolean hasKind(String code) {
        return KINDS.containsKey(code);
    }

    /** The name of a recorded value (a status, a decision, a choice); one the catalogue lacks reads as words. */
    public static String value(String code) {
        return ENGLISH.value(code);
    }

    public static boolean hasValue(String code) {
        return VALUES.containsKey(code) || doraType(code) != null;
    }

    public static String status(MembershipStatus status) {
        return STATUSES.get(status);
    }

    /** Every name in the catalogue: what the PDFs must be able to print. */
    public static Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>(KINDS);
        all.putAll(VALUES);
        return Collections.unmodifiableMap(all);
    }

    /** Every kind the catalogue names, by its code, with its English name. */
    public static Map<String, String> kinds() {
        return Collections.unmodifiableMap(KINDS);
    }

    /** Every value the catalogue names, by its code, with its English name. */
    public static Map<String, String> values() {
        return Collections.unmodifiableMap(VALUES);
    }

    /** Point (a) to (t) of DORA Art. 2(1), by its letter: "A" reads "(a) Credit institution (DORA Art. 2(1))". */
    public static String doraType(String letter) {
        return ENGLISH.doraType(letter);
    }

    private static final Pattern CODE = Pattern.compile("(?<![\\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\\w-])");
    private static final Pattern INSTANT = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z\\b");
    private static final Pattern DAY = Pattern.compile("(?<![\\w-])\\d{4}-\\d{2}-\\d{2}(?![\\w-])");
    private static final Pattern ARROW = Pattern.compile("\\b([A-Z][A-Z_]+) → ([A-Z][A-Z_]+)\\b");
    private static final Pattern STATUS_CHANGE = Pattern.compile("([A-Z][A-Z_]+) → ([A-Z][A-Z_]+)(?:: (.*))?", Pattern.DOTALL);
    private static final Pattern DECIDED = Pattern.compile("([A-Z][A-Z_]+)((?:[:( ].*)?)", Pattern.DOTALL);

    /**
     * Free text recorded with an entry, as people read it: the codes in it by their names, "A → B" between two
     * statuses as "from A to B", instants in the zone and dates, formatted for people. Words in capitals that are not codes
     * (GDPR, DORA, CCB) stay as written.
     */
    public static String text(String text, DateTimeFormatter time) {
        return ENGLISH.text(text, time);
    }

    /**
     * An entry of our audit trail as a sentence: "Vetting: more information requested by coordinator Chris Peeters:
     * which sector?", "Status changed from Submitted to Under review". {@code who} is the actor's role and name, null
     * for the product itself.
     */
    public static String sentence(String kind, String summary, String who, DateTimeFormatter time) {
        return ENGLISH.sentence(kind, summary, who, time);
    }

    /** " by coordinator Chris Peeters", or nothing for the product itself. */
    public static String by(String who) {
        return ENGLISH.by(who);
    }

    /** A person's role by the groups they are in; null when none of the product's roles. */
    public static String role(java.util.Collection<String> groups) {
        return ENGLISH.role(groups);
    }

    /** The product's roles by their groups, with the key of their names in {@code pages/audit_*}. */
    private static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put(Roles.COORDINATORS, "role.coordinator");
        ROLES.put(Roles.PRIVACY, "role.privacy");
        ROLES.put(Roles.LEGAL, "role.legal");
        ROLES.put(Roles.AUDITORS, "role.auditor");
        ROLES.put(Roles.ADMINS, "role.admin");
    }

    /**
     * An input or output of a decision table as people read it: DORA's entity type by its point of Art. 2(1), codes by
     * their names, yes and no for booleans.
     */
    public static String decisionValue(String clause, Object value) {
        return ENGLISH.decisionValue(clause, value);
    }

    /** Date and time as people read them, in the zone: "30 Nov 2026, 10:35:20". */
    public static DateTimeFormatter time(ZoneId zone) {
        return ENGLISH.time(zone);
    }

    /** SOME_CODE reads "Some code": never shown while the catalogue is complete, which WordingTest checks. */
    static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String s = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * The catalogue's names and the timeline's sentences in one language. English names are the catalogue's own; the
     * other languages' come from their bundles, and a code a bundle lacks reads as its English name (WordingTest
     * fails on one). The sentences' words ("from ... to ...", "by ...", the roles) are the {@code audit} pages'.
     */
    public static final class In {

        private final String language;
        private final Locale locale;
        private final PageText sentences;
        /** The names of kinds ({@code kind.CODE}) and values ({@code value.CODE}); none for English. */
        private final Properties names;
        /** The letters' words for the NIS2 statuses and sectors and DORA's entity types; none for English. */
        private final ResourceBundle legal;
        private final DateTimeFormatter days;

        private In(String language) {
            this.language = language;
            this.sentences = PageText.of(AuditPageController.PAGES, language);
            this.locale = sentences.locale();
            boolean english = "en".equals(language);
            this.names = english ? new Properties() : load("/pages/wording_" + language + ".properties");
            this.legal = english ? null : ResourceBundle.getBundle("letters/notification", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            this.days = DateTimeFormatter.ofPattern(day() + " MMM yyyy", english ? Locale.ENGLISH : locale);
        }

        public String language() {
            return language;
        }

        /** The words of the audit pages in this language. */
        public PageText pages() {
            return sentences;
        }

        /** Date and time as people read them in this language, in the zone: "30 nov. 2026, 10:35:20". */
        public DateTimeFormatter time(ZoneId zone) {
            return DateTimeFormatter.ofPattern(day() + " MMM yyyy, HH:mm:ss", "en".equals(language) ? Locale.ENGLISH : locale)
                    .withZone(zone);
        }

        /** German writes the day as an ordinal ("30. Nov. 2026"). */
        private String day() {
            return "de".equals(language) ? "d." : "d";
        }

        public String kind(String code) {
            return named("kind." + code).orElseGet(() -> KINDS.getOrDefault(code, words(code)));
        }

        public String value(String code) {
            if (code == null) {
                return "";
            }
            return named("value." + code).orElseGet(() -> VALUES.getOrDefault(code, words(code)));
        }

        public String status(MembershipStatus status) {
            return value(status.name());
        }

        /**
         * The name this language gives a kind ({@code kind.CODE}) or a value ({@code value.CODE}), if it gives one:
         * English, the catalogue's; another language, its bundle's, or the letters' for a NIS2 status or sector.
         */
        Optional<String> named(String key) {
            String code = key.substring(key.indexOf('.') + 1);
            if ("en".equals(language)) {
                return Optional.ofNullable(key.startsWith("kind.") ? KINDS.get(code) : VALUES.get(code));
            }
            String name = names.getProperty(key);
            if (name == null && key.startsWith("value.")) {
                name = letters(code);
            }
            return Optional.ofNullable(name);
        }

        private String letters(String code) {
            for (String family : new String[] {"nis2Status.", "nis2Sector."}) {
                if (legal.containsKey(family + code)) {
                    return new MessageFormat(legal.getString(family + code), locale).format(new Object[0]);
                }
            }
            return null;
        }

        /** Point (a) to (t) of DORA Art. 2(1), by its letter, in this language; null for another code. */
        public String doraType(String letter) {
            for (DoraEntityType t : DoraEntityType.values()) {
                if (t.name().equals(letter)) {
                    String name = legal == null ? t.label().substring(t.label().indexOf(' ') + 1)
                            : new MessageFormat(legal.getString("dora." + t.name()), locale).format(new Object[0]);
                    return sentences.get("dora.point", t.name().toLowerCase(Locale.ROOT),
                            name.substring(0, 1).toUpperCase(locale) + name.substring(1));
                }
            }
            return null;
        }

        /** Free text recorded with an entry: the codes in it by their names, dates formatted; the rest as recorded. */
        public String text(String text, DateTimeFormatter time) {
            if (text == null) {
                return "";
            }
            String out = ARROW.matcher(text).replaceAll(m -> VALUES.containsKey(m.group(1)) && VALUES.containsKey(m.group(2))
                    ? Matcher.quoteReplacement(sentences.get("text.fromTo", value(m.group(1)), value(m.group(2))))
                    : Matcher.quoteReplacement(m.group()));
            out = out.replace(" → ", " " + sentences.get("text.to") + " ");
            out = CODE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                    m.group().length() > 1 && VALUES.containsKey(m.group()) ? value(m.group()) : m.group()));
            out = INSTANT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(time.format(Instant.parse(m.group()))));
            return DAY.matcher(out).replaceAll(m -> Matcher.quoteReplacement(day(m.group())));
        }

        /** 2026-12-30 reads "30 Dec 2026"; a text that only looks like a date stays as written. */
        private String day(String iso) {
            try {
                return days.format(java.time.LocalDate.parse(iso));
            } catch (java.time.format.DateTimeParseException e) {
                return iso;
            }
        }

        /** An entry of our audit trail as a sentence in this language (the free text in it as recorded). */
        public String sentence(String kind, String summary, String who, DateTimeFormatter time) {
            String label = kind(kind);
            // the product records its summaries starting with the English name of the kind: "Vetting: APPROVE"
            String recorded = KINDS.getOrDefault(kind, words(kind));
            String raw = summary == null ? "" : summary.strip();
            Matcher change = STATUS_CHANGE.matcher(raw);
            if (change.matches() && VALUES.containsKey(change.group(1)) && VALUES.containsKey(change.group(2))) {
                return sentences.get("sentence.change", label, value(change.group(1)), value(change.group(2))) + by(who)
                        + rest(change.group(3), time);
            }
            if (raw.regionMatches(true, 0, recorded + ": ", 0, recorded.length() + 2)) {
                raw = raw.substring(recorded.length() + 2);
                Matcher decided = DECIDED.matcher(raw);
                if (decided.matches() && VALUES.containsKey(decided.group(1))) {
                    return sentences.get("sentence.detail", label, value(decided.group(1)) + by(who)) + text(decided.group(2), time);
                }
            }
            String text = text(raw, time);
            return text.isEmpty() ? label + by(who) : sentences.get("sentence.detail", label + by(who), text);
        }

        /** The recorded text after the sentence ("…: Rules accepted"), or nothing. */
        private String rest(String text, DateTimeFormatter time) {
            return text == null || text.isBlank() ? "" : sentences.get("sentence.detail", "", text(text, time));
        }

        /** " by coordinator Chris Peeters", or nothing for the product itself. */
        public String by(String who) {
            return who == null ? "" : " " + sentences.get("sentence.by", who);
        }

        /** A person's role by the groups they are in; null when none of the product's roles. */
        public String role(java.util.Collection<String> groups) {
            for (Map.Entry<String, String> r : ROLES.entrySet()) {
                if (groups.contains(r.getKey())) {
                    return sentences.get(r.getValue());
                }
            }
            return groups.stream().anyMatch(g -> g.matches("org\\d+")) ? sentences.get("role.member") : null;
        }

        /** An input or output of a decision table: a DORA entity type by its point, codes by their names, yes or no. */
        public String decisionValue(String clause, Object value) {
            if (value == null) {
                return sentences.get("value.none");
            }
            if (value instanceof Boolean b) {
                return sentences.get(b ? "value.yes" : "value.no");
            }
            String v = value.toString();
            if (clause != null && clause.contains("DORA") && clause.contains("entity type")) {
                String type = doraType(v);
                if (type != null) {
                    return type;
                }
            }
            return VALUES.containsKey(v) ? value(v) : v;
        }

        /** A name the model gives, quoted as the language quotes: “Vetting”, « Vetting », „Vetting“. */
        public String quoted(String name) {
            return sentences.get("quoted", name);
        }

        private static Properties load(String resource) {
            Properties p = new Properties();
            try (java.io.InputStream in = Wording.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("No bundle " + resource);
                }
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return p;
        }
    }
}
