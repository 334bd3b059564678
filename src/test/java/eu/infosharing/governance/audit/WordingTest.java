package eu.infosharing.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.cessation.Cessation;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.CompetentAuthority;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.notification.NotificationStatus;
import eu.infosharing.governance.notification.PdfPages;
import eu.infosharing.governance.onboarding.ReviewDecision;
import eu.infosharing.governance.onboarding.Sponsorship;
import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.DoraLicence;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.organisation.ParticipantType;
import eu.infosharing.governance.process.FormContract;
import eu.infosharing.governance.process.FormField;
import eu.infosharing.governance.process.Forms;
import eu.infosharing.governance.revision.AnnualReviewService;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogue of names is complete: every kind of entry the product records (found in the code that records them),
 * every value a person picks in a form and every status or decision the product stores has a name people read; and
 * the PDFs' font prints every name and every letter text, so nothing prints as '?'.
 */
class WordingTest {

    private static final Path SOURCES = Path.of("src/main/java/eu/infosharing/governance");
    /** Kinds written as a prefix and a value: the values each prefix takes. */
    private static final Map<String, List<? extends Enum<?>>> PREFIXED = Map.of(
            "REVIEW_", List.of(ReviewDecision.Stage.values()),
            "CESSATION_", List.of(Cessation.Kind.values()),
            "SPONSOR_", List.of(Sponsorship.Status.values()));
    /** Choices that keep their code because people read the code itself, or that have names elsewhere. */
    private static final Set<String> NAMED_ELSEWHERE = Set.of(
            "arrangementCode", // the arrangement's name, from its table
            "country");        // ISO country codes, as the letters print them
    private static final DateTimeFormatter TIME = Wording.time(ZoneId.of("Europe/Brussels"));

    @Test
    void everyKindOfEntryTheProductRecordsHasAName() throws IOException {
        Set<String> kinds = recordedKinds();
        kinds.addAll(Timeline.ENGINE_KINDS);
        assertThat(kinds).as("the scan finds the kinds the product records").contains("APPLICATION_SUBMITTED",
                "STATUS_CHANGED", "REVIEW_VETTING", "CESSATION_WITHDRAWAL", "NOTIFICATION_SENT", "PERSONAL_DATA_ERASED",
                "SPONSOR_ENDORSED", "PROCESS_STARTED").hasSizeGreaterThan(45);
        assertThat(kinds.stream().filter(k -> !Wording.hasKind(k)).toList()).as("kinds without a name in Wording").isEmpty();
    }

    @Test
    void everyValueAPersonPicksOrTheProductStoresHasAName() throws Exception {
        Set<String> values = new TreeSet<>();
        for (Field f : Forms.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof FormContract form) {
                for (FormField field : form.fields()) {
                    if (field.choices() != null && !NAMED_ELSEWHERE.contains(field.key())) {
                        values.addAll(field.choices());
                    }
                }
            }
        }
        assertThat(values).as("the forms' choices").contains("LEGITIMATE_INTEREST", "REQUEST_INFORMATION", "SEND_ON_BEHALF");
        Stream.of(MembershipStatus.values(), ReviewDecision.Decision.values(), Sponsorship.Status.values(),
                        Cessation.Kind.values(), Cessation.BreachDecision.values(), AnnualReviewService.ConcernDecision.values(),
                        NotificationMode.values(), NotificationStatus.values(), NotificationEvent.values(),
                        CompetentAuthority.Channel.values(), ParticipantType.values(), Nis2Status.values(), Nis2Sector.values(),
                        DoraLicence.values(), DoraEntityType.values(), Language.values())
                .flatMap(Stream::of).forEach(e -> values.add(e.name()));
        assertThat(values.stream().filter(v -> !Wording.hasValue(v)).toList()).as("values without a name in Wording").isEmpty();
        for (MembershipStatus s : MembershipStatus.values()) {
            assertThat(Wording.status(s)).as("the filter's name of " + s).isNotBlank().doesNotContain("_");
        }
    }

    @Test
    void entriesReadAsSentencesWithoutCodes() {
        assertThat(Wording.sentence("REVIEW_VETTING", "Vetting: REQUEST_INFORMATION: Which sector?", "coordinator Chris Peeters", TIME))
                .isEqualTo("Vetting: more information requested by coordinator Chris Peeters: Which sector?");
        assertThat(Wording.sentence("STATUS_CHANGED", "SUBMITTED → UNDER_REVIEW", null, TIME))
                .isEqualTo("Status changed from Submitted to Under review");
        assertThat(Wording.sentence("STATUS_CHANGED", "AWAITING_RULES_ACCEPTANCE → COMPLIANCE_REVIEW: Rules accepted",
                "member's representative Alice Martens", TIME)).isEqualTo("Status changed from Awaiting acceptance of the rules "
                + "to Compliance review by member's representative Alice Martens: Rules accepted");
        assertThat(Wording.sentence("REVIEW_GDPR", "GDPR check: APPROVE (Lawful basis: LEGITIMATE_INTEREST; contact data "
                + "minimal: yes)", "data protection officer Dana", TIME)).isEqualTo("GDPR check: approved by data protection "
                + "officer Dana (Lawful basis: legitimate interest (GDPR Art. 6(1)(f)); contact data minimal: yes)");
        assertThat(Wording.sentence("NOTIFICATION_MODE", "Notifications to competent authorities: SEND_ON_BEHALF", null, TIME))
                .isEqualTo("Notification choice: Notifications to competent authorities: the arrangement sends them on the "
                        + "member's behalf");
        // an instant in a recorded text is shown in the zone; acronyms stay
        assertThat(Wording.text("Due 2026-11-30T09:35:20.744792Z for the NBB (DORA), effective 2026-12-30; AGN-2026-000001-NBB-ENTRY", TIME))
                .isEqualTo("Due 30 Nov 2026, 10:35:20 for the NBB (DORA), effective 30 Dec 2026; AGN-2026-000001-NBB-ENTRY");
        assertThat(Wording.decisionValue("DORA entity type (Art. 2(1))", "A")).isEqualTo("(a) Credit institution (DORA Art. 2(1))");
        assertThat(Wording.decisionValue("Arrangement admits direct competitors", true)).isEqualTo("yes");
    }

    /** Names a language rightly writes as English does: an acronym, a word both languages share. */
    private static final Map<String, Set<String>> SAME_AS_ENGLISH = Map.of(
            "nl", Set.of("value.HTTPS", "value.EMAIL", "kind.INCIDENT_RAISED"),
            "fr", Set.of("value.HTTPS", "kind.INCIDENT_RAISED", "value.SUSPENSION", "value.CESSATION", "value.ACTIVE"),
            "de", Set.of("value.HTTPS", "value.EMAIL"));

    /**
     * A member reads the audit view in its language: every kind and value has a name in Dutch, French and German, in
     * that language (not the English name left in), and no bundle names a code the product does not record.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nl", "fr", "de"})
    void everyNameIsInEveryLanguageOfTheMembersPages(String language) throws IOException {
        Wording.In words = Wording.in(language);
        Map<String, String> english = new java.util.LinkedHashMap<>();
        Wording.kinds().forEach((code, name) -> english.put("kind." + code, name));
        Wording.values().forEach((code, name) -> english.put("value." + code, name));
        List<String> missing = new ArrayList<>();
        List<String> untranslated = new ArrayList<>();
        english.forEach((key, name) -> {
            String there = words.named(key).orElse("");
            if (there.isBlank()) {
                missing.add(key);
            } else if (there.equalsIgnoreCase(name) && !SAME_AS_ENGLISH.get(language).contains(key)) {
                untranslated.add(key + "=" + there);
            }
        });
        assertThat(missing).as("names missing in " + language).isEmpty();
        assertThat(untranslated).as("names still in English in " + language).isEmpty();
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/pages/wording_" + language + ".properties")) {
            bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(bundle.stringPropertyNames()).as("names of codes the product does not record").allMatch(english::containsKey);
        for (DoraEntityType t : DoraEntityType.values()) {
            assertThat(words.doraType(t.name())).startsWith("(" + t.name().toLowerCase() + ") ")
                    .isNotEqualTo(Wording.doraType(t.name())).doesNotContain("''");
        }
    }

    @Test
    void entriesReadInTheReadersLanguageAndTheRecordedTextAsRecorded() {
        ZoneId brussels = ZoneId.of("Europe/Brussels");
        Wording.In nl = Wording.in("nl");
        Wording.In fr = Wording.in("fr");
        Wording.In de = Wording.in("de");
        assertThat(nl.sentence("STATUS_CHANGED", "SUBMITTED → UNDER_REVIEW", null, nl.time(brussels)))
                .isEqualTo("Status gewijzigd van Ingediend naar In onderzoek");
        assertThat(fr.sentence("REVIEW_VETTING", "Vetting: REQUEST_INFORMATION: Which sector?", fr.role(List.of("coordinators"))
                + " Chris Peeters", fr.time(brussels))).isEqualTo("Examen de la demande : informations complémentaires "
                + "demandées par le coordinateur Chris Peeters: Which sector?");
        assertThat(de.sentence("REVIEW_GDPR", "GDPR check: APPROVE (Lawful basis: LEGITIMATE_INTEREST)", null, de.time(brussels)))
                .isEqualTo("DSGVO-Prüfung: genehmigt (Lawful basis: berechtigtes Interesse (DSGVO Art. 6 Abs. 1 Buchst. f))");
        // dates in the language's words, in the zone; the rest of a recorded text as written
        assertThat(de.text("Due 2026-11-30T09:35:20.744792Z for the NBB, effective 2026-12-30", de.time(brussels)))
                .isEqualTo("Due 30. Nov. 2026, 10:35:20 for the NBB, effective 30. Dez. 2026");
        assertThat(nl.decisionValue("DORA entity type (Art. 2(1))", "A")).isEqualTo("(a) Kredietinstelling (DORA art. 2, lid 1)");
        assertThat(fr.decisionValue("Arrangement admits direct competitors", false)).isEqualTo("non");
        assertThat(nl.value("ENERGY")).as("the letters' legal term").isEqualTo("Energie (bijlage I)");
        // English stays as it was: the JSON timeline and the evidence pack
        assertThat(Wording.in("en").sentence("STATUS_CHANGED", "SUBMITTED → UNDER_REVIEW", null, TIME))
                .isEqualTo(Wording.sentence("STATUS_CHANGED", "SUBMITTED → UNDER_REVIEW", null, TIME));
    }

    /** The evidence pack and the letters print in Helvetica: each name, each letter text in every language prints as is. */
    @Test
    void thePdfFontPrintsEveryNameAndEveryLetterText() throws IOException {
        List<PDFont> fonts = List.of(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
        List<String> texts = new ArrayList<>(Wording.all().values());
        for (DoraEntityType t : DoraEntityType.values()) {
            texts.add(Wording.doraType(t.name()));
        }
        for (Language language : Language.values()) {
            Properties letter = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/letters/notification_" + language + ".properties")) {
                assertThat(in).as("the " + language + " letter").isNotNull();
                letter.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(letter).isNotEmpty();
            letter.values().forEach(v -> texts.add(v.toString()));
        }
        texts.add(Wording.sentence("STATUS_CHANGED", "SUBMITTED → UNDER_REVIEW", null, TIME));
        texts.add(" · "); // the evidence pack's separator
        for (PDFont font : fonts) {
            assertThat(texts.stream().filter(t -> !PdfPages.prints(font, t)).toList())
                    .as("texts " + font.getName() + " cannot print").isEmpty();
        }
        // a sign the font lacks prints as a stand-in it has, not as '?'
        assertThat(PdfPages.encodable(fonts.get(0), "SUBMITTED → UNDER_REVIEW")).isEqualTo("SUBMITTED -> UNDER_REVIEW");
    }

    /**
     * The kinds passed to the audit trail in the code: {@code m.audit(actor, "KIND", ...)},
     * {@code appendSeparately(id, actor, "KIND", ...)}, {@code auditTrail.record(id, actor, "KIND", ...)} (chained
     * later from the outbox, passed on as {@code p.getKind()}), {@code new AuditLine("KIND", ...)}, a constant, or a prefix
     * with a value ({@code "REVIEW_" + stage}) whose values {@link #PREFIXED} lists.
     */
    private static Set<String> recordedKinds() throws IOException {
        Set<String> kinds = new TreeSet<>();
        Pattern call = Pattern.compile("(?<![\\w])(audit\\(|appendSeparately\\(|auditTrail\\.record\\(|new AuditLine\\()");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String code = Files.readString(file);
            Matcher m = call.matcher(code);
            while (m.find()) {
                List<String> args = arguments(code, m.end());
                int index = switch (m.group(1)) {
                    case "audit(" -> 1;
                    case "appendSeparately(", "auditTrail.record(" -> 2;
                    default -> 0;
                };
                if (args.size() <= index || args.get(index).contains("String ")) {
                    continue; // outcome.audit(), or the method's own declaration
                }
                String kind = args.get(index).strip();
                Matcher literal = Pattern.compile("^\"([A-Z_]+)\"(\\s*\\+.*)?$", Pattern.DOTALL).matcher(kind);
                if (literal.matches() && literal.group(2) == null) {
                    kinds.add(literal.group(1));
                } else if (literal.matches()) {
                    List<? extends Enum<?>> suffixes = PREFIXED.get(literal.group(1));
                    assertThat(suffixes).as("the values of the kind " + kind + " in " + file + ": list them in PREFIXED").isNotNull();
                    suffixes.forEach(s -> kinds.add(literal.group(1) + s.name()));
                } else if (kind.equals("AuditEntry.ERASURE_KIND")) {
                    kinds.add(eu.infosharing.governance.membership.AuditEntry.ERASURE_KIND);
                } else if (m.group(1).equals("audit(") && code.charAt(m.start() - 1) != '.') {
                    continue; // a class's own helper, audit(request, actor, summary), that calls m.audit(actor, "KIND", ...)
                } else {
                    assertThat(kind).as("a kind passed on, not chosen, in " + file).isIn("kind", "entry.kind()", "p.getKind()");
                }
            }
        }
        return kinds;
    }

    /** The call's arguments, split at the commas outside brackets and strings. */
    private static List<String> arguments(String code, int from) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean string = false;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (string) {
                current.append(c);
                if (c == '\\') {
                    current.append(code.charAt(++i));
                } else if (c == '"') {
                    string = false;
                }
                continue;
            }
            if (c == '"') {
                string = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (!current.toString().isBlank()) {
            args.add(current.toString());
        }
        return args;
    }
}
