package eu.infosharing.governance.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.util.HtmlUtils;

/**
 * The words of a family of pages in one language, from {@code pages/<family>_<language>.properties} (UTF-8). A key that
 * a bundle lacks is an error, never printed as such: {@code PageBundlesTest} checks every key is in all four bundles.
 * Placeholders are {@code {0}}, {@code {1}}: plain replacement, so an apostrophe ("l'organisation") needs no escaping.
 */
public final class PageText {

    private static final Map<String, Properties> LOADED = new ConcurrentHashMap<>();

    private final String family;
    private final String language;
    private final Properties words;

    private PageText(String family, String language) {
        this.family = family;
        this.language = language;
        this.words = LOADED.computeIfAbsent(family + "_" + language, PageText::load);
    }

    public static PageText of(String family, String language) {
        return new PageText(family, language);
    }

    public String language() {
        return language;
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** The words for the key, with {0}, {1}... replaced by the arguments as given. */
    public String get(String key, Object... arguments) {
        String text = words.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("No words for " + key + " in pages/" + family + "_" + language);
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    /** The words, HTML-escaped, with the arguments escaped too. */
    public String html(String key, Object... arguments) {
        String[] escaped = new String[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            escaped[i] = esc(String.valueOf(arguments[i]));
        }
        return markup(key, escaped);
    }

    /** The words, HTML-escaped, with the arguments inserted as the HTML they are (the caller escaped what they hold). */
    public String markup(String key, String... html) {
        String text = esc(get(key));
        for (int i = 0; i < html.length; i++) {
            text = text.replace("{" + i + "}", html[i]);
        }
        return text;
    }

    /** The words for the key if the bundle has it. */
    public boolean has(String key) {
        return words.containsKey(key);
    }

    /** The language switcher: a link to the same page in each other language; {@code query} keeps the page's own. */
    public String switcher(String query) {
        StringBuilder b = new StringBuilder("<nav class=\"languages\" id=\"languages\" aria-label=\"Language\">");
        for (String l : PageLanguage.SUPPORTED) {
            String name = Locale.forLanguageTag(l).getDisplayLanguage(Locale.forLanguageTag(l));
            name = name.substring(0, 1).toUpperCase(Locale.forLanguageTag(l)) + name.substring(1);
            if (l.equals(language)) {
                b.append("<strong lang=\"").append(l).append("\">").append(esc(name)).append("</strong> ");
            } else {
                b.append("<a lang=\"").append(l).append("\" hreflang=\"").append(l).append("\" href=\"?")
                        .append(query == null || query.isEmpty() ? "" : esc(query) + "&amp;")
                        .append(PageLanguage.PARAMETER).append('=').append(l).append("\">")
                        .append(esc(name)).append("</a> ");
            }
        }
        return b.append("</nav>").toString();
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = PageText.class.getResourceAsStream("/pages/" + name + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("No bundle pages/" + name + ".properties");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Escapes what HTML needs escaped and leaves letters as they are ("coördinatoren", not "co&ouml;rdinatoren"). */
    public static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
