package eu.infosharing.governance.api;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The language of a page a member or an applicant reads (the status page, Apply to join), one of nl, fr, en, de, chosen
 * in this order: an explicit choice ({@code ?lang=nl}, from the switcher on each page), remembered for a year in the
 * {@value #COOKIE} cookie; that cookie; the organisation's preferred language when the reader represents one; the
 * browser's Accept-Language; English. Staff read their pages in English unless they choose ({@link #chooseForStaff}).
 */
public final class PageLanguage {

    public static final String COOKIE = "governance-lang";
    public static final String PARAMETER = "lang";
    public static final List<String> SUPPORTED = List.of("nl", "fr", "en", "de");
    private static final Duration REMEMBERED = Duration.ofDays(365);

    private PageLanguage() {
    }

    /**
     * The page's language; an explicit choice is remembered in the cookie set on the response.
     *
     * @param preferred the language of the organisation the reader represents, if any
     */
    public static String choose(HttpServletRequest request, HttpServletResponse response, Optional<String> preferred) {
        return chosen(request, response).or(() -> preferred.flatMap(PageLanguage::supported))
                .or(() -> browsers(request)).orElse("en");
    }

    /**
     * The language of a page staff read (coordinators, auditors, reviewers): their explicit choice, remembered in the
     * same cookie as the members' pages; else English, whatever the browser asks.
     */
    public static String chooseForStaff(HttpServletRequest request, HttpServletResponse response) {
        return chosen(request, response).orElse("en");
    }

    /**
     * The page's own query without the language choice, for the switcher's links: "q=bank&amp;status=ACTIVE" stays
     * on the page in the other language. Not escaped: {@link PageText#switcher} escapes it.
     */
    public static String query(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return "";
        }
        return java.util.Arrays.stream(query.split("&")).filter(p -> !p.isEmpty() && !p.equals(PARAMETER)
                && !p.startsWith(PARAMETER + "=")).collect(java.util.stream.Collectors.joining("&"));
    }

    /** An explicit choice, remembered on the response; else the remembered one. */
    private static Optional<String> chosen(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> chosen = supported(request.getParameter(PARAMETER));
        if (chosen.isPresent()) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, chosen.get()).path("/")
                    .maxAge(REMEMBERED).sameSite("Lax").httpOnly(true).secure(request.isSecure()).build().toString());
            return chosen;
        }
        return remembered(request);
    }

    private static Optional<String> remembered(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                return supported(c.getValue());
            }
        }
        return Optional.empty();
    }

    /** The first of the browser's languages, by its order of preference, that the pages are written in. */
    private static Optional<String> browsers(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return Optional.empty();
        }
        return Collections.list(request.getLocales()).stream().map(Locale::getLanguage)
                .map(PageLanguage::supported).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> supported(String language) {
        if (language == null) {
            return Optional.empty();
        }
        String l = language.strip().toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(l) ? Optional.of(l) : Optional.empty();
    }
}
