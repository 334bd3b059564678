package eu.infosharing.governance.member;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.api.PageLanguage;
import eu.infosharing.governance.api.PageText;
import eu.infosharing.governance.membership.MembershipStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The words of the pages members and applicants read: every key in all four languages with words, and no page prints a
 * key that has none (the keys the page classes name, and those they compose: a status, a holder, a step).
 */
class PageBundlesTest {

    /** The page families and the classes that print their words. */
    private static final Map<String, List<String>> PAGES = Map.of(
            "member", List.of("src/main/java/eu/infosharing/governance/member/MemberStatusPage.java"),
            "join", List.of("src/main/java/eu/infosharing/governance/onboarding/JoinPageController.java"),
            "audit", List.of("src/main/java/eu/infosharing/governance/audit/AuditPageController.java",
                    "src/main/java/eu/infosharing/governance/audit/Timeline.java",
                    "src/main/java/eu/infosharing/governance/audit/Wording.java"));
    /** A key as a page class names it: "section.mustDo", in a string of its own. */
    private static final Pattern KEY = Pattern.compile("\"([a-z][A-Za-z]*\\.[A-Za-z_][A-Za-z_.]*)\"");

    @ParameterizedTest
    @ValueSource(strings = {"member", "join", "audit"})
    void everyKeyHasWordsInEveryLanguage(String family) throws IOException {
        Set<String> english = bundle(family, "en").stringPropertyNames();
        for (String language : PageLanguage.SUPPORTED) {
            Properties words = bundle(family, language);
            assertThat(words.stringPropertyNames()).as(family + "_" + language).isEqualTo(english);
            words.forEach((key, text) -> assertThat(text.toString()).as(family + "_" + language + ": " + key).isNotBlank());
            // a placeholder in English is a placeholder in every language
            for (String key : english) {
                assertThat(placeholders(words.getProperty(key))).as(family + "_" + language + ": " + key)
                        .isEqualTo(placeholders(bundle(family, "en").getProperty(key)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"member", "join", "audit"})
    void noPagePrintsAKeyWithoutWords(String family) throws IOException {
        Set<String> named = new TreeSet<>();
        for (String page : PAGES.get(family)) {
            Matcher m = KEY.matcher(Files.readString(Path.of(page)));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertThat(named).as("keys %s names", PAGES.get(family)).hasSizeGreaterThan(10);
        for (String language : PageLanguage.SUPPORTED) {
            PageText words = PageText.of(family, language);
            assertThat(named).as(family + "_" + language).allMatch(words::has);
        }
    }

    @Test
    void everyStatusAndHolderAMemberSeesHasWords() {
        for (String language : PageLanguage.SUPPORTED) {
            PageText words = PageText.of(MemberStatusPage.PAGES, language);
            for (MembershipStatus s : MembershipStatus.values()) {
                assertThat(words.has(MemberStatusPage.label(s))).as(language + " " + s).isTrue();
            }
            for (String holder : new String[] {MemberStatusPage.holder(java.util.List.of(), null),
                    MemberStatusPage.holder(java.util.List.of("some-member-group"), null)}) {
                assertThat(words.has(holder)).as(language + " " + holder).isTrue();
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Matcher m = Pattern.compile("\\{\\d}").matcher(text);
        Set<String> found = new TreeSet<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties bundle(String family, String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PageBundlesTest.class.getResourceAsStream("/pages/" + family + "_" + language + ".properties")) {
            assertThat(in).as(family + "_" + language).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
