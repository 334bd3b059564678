package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.PageLanguage;
import eu.infosharing.governance.api.PageText;
import eu.infosharing.governance.mail.PublicLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public Apply to join pages, plain HTML without script: apply (name, organisation, e-mail), confirm the address
 * from the mailed link, set the first password from the mailed link. A bad field is answered beside the field, on the
 * page again with what was typed. Writes that a browser marks as cross-site are refused before they reach here. In the
 * visitor's language (nl, fr, en, de: {@link PageLanguage}, words in {@code pages/join_*.properties}); the language of
 * the mails is offered as the page's.
 */
@RestController
public class JoinPageController {

    private static final String[][] LANGUAGES = {{"en", "English"}, {"nl", "Nederlands"}, {"fr", "Fran\u00e7ais"},
            {"de", "Deutsch"}};

    /** The family of the pages' words: {@code pages/join_<language>.properties}. */
    static final String PAGES = "join";

    private final AccountRequests requests;
    private final PublicLinks links;

    public JoinPageController(AccountRequests requests, PublicLinks links) {
        this.requests = requests;
        this.links = links;
    }

    @GetMapping(value = AccountRequests.APPLY_PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> applyPage(HttpServletRequest request, HttpServletResponse response) {
        PageText w = words(request, response);
        return page(w, HttpStatus.OK, "apply.title", "",
                applyForm(w, new AccountRequests.Application("", "", "", w.language()), Map.of(), null));
    }

    @PostMapping(value = AccountRequests.APPLY_PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> apply(@RequestParam(required = false) String name,
                                        @RequestParam(required = false) String organisation,
                                        @RequestParam(required = false) String email,
                                        @RequestParam(required = false) String language, HttpServletRequest request,
                                        HttpServletResponse response) {
        PageText w = words(request, response);
        AccountRequests.Application typed = new AccountRequests.Application(name, organisation, email, language);
        try {
            requests.apply(typed, request.getRemoteAddr());
            return page(w, HttpStatus.OK, "apply.title", "", message("applied", w.html("apply.done")));
        } catch (InvalidInputException e) {
            return page(w, HttpStatus.BAD_REQUEST, "apply.title", "", applyForm(w, typed, byField(w, e), null));
        } catch (AccountRequests.TooManyRequests e) {
            return page(w, HttpStatus.TOO_MANY_REQUESTS, "apply.title", "", applyForm(w, typed, Map.of(), w.html("apply.tooMany")));
        }
    }

    @GetMapping(value = AccountRequests.VERIFY_PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> verifyPage(@RequestParam(required = false) String token, HttpServletRequest request,
                                             HttpServletResponse response) {
        PageText w = words(request, response);
        // a mail client that opens links to check them must not use the link up: confirming is a button
        return page(w, HttpStatus.OK, "verify.title", tokenQuery(token), "<p>" + w.html("verify.intro")
                + "</p><form method=\"post\" action=\"" + AccountRequests.VERIFY_PATH + "\">" + hidden("token", token)
                + "<button type=\"submit\" id=\"confirm\">" + w.html("verify.button") + "</button></form>");
    }

    @PostMapping(value = AccountRequests.VERIFY_PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> verify(@RequestParam(required = false) String token, HttpServletRequest request,
                                         HttpServletResponse response) {
        PageText w = words(request, response);
        try {
            requests.verify(token);
            return page(w, HttpStatus.OK, "verified.title", "", message("verified", w.html("verified.done")));
        } catch (AccountRequests.LinkNoLongerValid e) {
            return gone(w);
        }
    }

    @GetMapping(value = AccountRequests.PASSWORD_PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> passwordPage(@RequestParam(required = false) String token, HttpServletRequest request,
                                               HttpServletResponse response) {
        PageText w = words(request, response);
        return requests.passwordLinkUser(token)
                .map(user -> page(w, HttpStatus.OK, "password.title", tokenQuery(token), passwordForm(w, token, user, Map.of())))
                .orElseGet(() -> gone(w));
    }

    @PostMapping(value = AccountRequests.PASSWORD_PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> setPassword(@RequestParam(required = false) String token,
                                              @RequestParam(required = false) String password,
                                              @RequestParam(required = false) String repeatPassword,
                                              HttpServletRequest request, HttpServletResponse response) {
        PageText w = words(request, response);
        Optional<String> user = requests.passwordLinkUser(token);
        try {
            String userId = requests.setPassword(token, password, repeatPassword == null ? "" : repeatPassword);
            String tasklist = PageText.esc(links.tasklist());
            return page(w, HttpStatus.OK, "passwordSet.title", "", "<p class=\"message\" id=\"password-set\">"
                    + w.markup("passwordSet.done", "<strong id=\"user-name\">" + PageText.esc(userId) + "</strong>",
                    "<em>Start process</em> \u2192 <em>Membership onboarding</em>")
                    + "</p><p><a id=\"to-tasklist\" href=\"" + tasklist + "\">" + w.html("passwordSet.toTasklist") + "</a></p>");
        } catch (InvalidInputException e) {
            return page(w, HttpStatus.BAD_REQUEST, "password.title", tokenQuery(token),
                    passwordForm(w, token, user.orElse(""), byField(w, e)));
        } catch (AccountRequests.LinkNoLongerValid e) {
            return gone(w);
        }
    }

    // --- the pages ----------------------------------------------------------------------------------------------------

    /** The pages' words in the visitor's language: a choice made on the page, the cookie, the browser's, English. */
    private static PageText words(HttpServletRequest request, HttpServletResponse response) {
        return PageText.of(PAGES, PageLanguage.choose(request, response, Optional.empty()));
    }

    private static String applyForm(PageText w, AccountRequests.Application typed, Map<String, String> errors, String notice) {
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(w.html("apply.intro")).append("</p>");
        if (notice != null) {
            b.append("<p class=\"error\" role=\"alert\" id=\"notice\">").append(notice).append("</p>");
        }
        b.append("<form method=\"post\" action=\"").append(AccountRequests.APPLY_PATH).append("\" novalidate>")
                .append(field("name", w.html("apply.name"), "text", typed.name(), errors, "autocomplete=\"name\" maxlength=\"120\""))
                .append(field("organisation", w.html("apply.organisation"), "text", typed.organisation(), errors,
                        "autocomplete=\"organization\" maxlength=\"200\""))
                .append(field("email", w.html("apply.email"), "email", typed.email(), errors,
                        "autocomplete=\"email\" maxlength=\"254\""))
                .append("<div class=\"field\"><label for=\"language\">").append(w.html("apply.language"))
                .append("</label><select id=\"language\" name=\"language\">");
        for (String[] l : LANGUAGES) {
            b.append("<option value=\"").append(l[0]).append('"').append(l[0].equals(typed.language()) ? " selected" : "")
                    .append('>').append(l[1]).append("</option>");
        }
        b.append("</select>").append(error("language", errors)).append("</div>")
                .append("<button type=\"submit\" id=\"apply\">").append(w.html("apply.button")).append("</button></form>")
                .append("<p class=\"small\">").append(w.markup("apply.signIn", "<a href=\"/camunda/app/tasklist/\">"
                        + w.html("apply.signInLink") + "</a>")).append("</p>");
        return b.toString();
    }

    private static String passwordForm(PageText w, String token, String user, Map<String, String> errors) {
        return "<p>" + w.markup("password.intro", "<strong id=\"user-name\">" + PageText.esc(user) + "</strong>") + "</p>"
                + "<form method=\"post\" action=\"" + AccountRequests.PASSWORD_PATH + "\" novalidate>" + hidden("token", token)
                + field("password", w.html("password.password"), "password", "", errors, "autocomplete=\"new-password\"")
                + field("repeatPassword", w.html("password.repeat"), "password", "", errors, "autocomplete=\"new-password\"")
                + "<button type=\"submit\" id=\"set-password\">" + w.html("password.button") + "</button></form>";
    }

    private ResponseEntity<String> gone(PageText w) {
        return page(w, HttpStatus.GONE, "gone.title", "", "<p class=\"error\" id=\"link-invalid\">"
                + w.html("gone.text") + "</p><p><a href=\"" + AccountRequests.APPLY_PATH + "\">" + w.html("gone.apply")
                + "</a></p>");
    }

    /** The page's own query, kept by the language switcher: the link's token. */
    private static String tokenQuery(String token) {
        return token == null ? "" : "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String field(String name, String label, String type, String value, Map<String, String> errors,
                                String attributes) {
        boolean bad = errors.containsKey(name);
        return "<div class=\"field\"><label for=\"" + name + "\">" + label + "</label><input id=\"" + name + "\" name=\""
                + name + "\" type=\"" + type + "\" value=\"" + PageText.esc(value == null ? "" : value) + "\" " + attributes
                + (bad ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\" autofocus" : "") + ">"
                + error(name, errors) + "</div>";
    }

    private static String error(String name, Map<String, String> errors) {
        String message = errors.get(name);
        return message == null ? "" : "<span class=\"error\" id=\"" + name + "-error\">" + PageText.esc(message) + "</span>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + PageText.esc(value == null ? "" : value) + "\">";
    }

    private static String message(String id, String html) {
        return "<p class=\"message\" role=\"status\" id=\"" + id + "\">" + html + "</p>";
    }

    /**
     * The first problem of each field, as a sentence beside it in the page's language ("Uw naam: dit veld is
     * verplicht"); a problem the pages have no words for keeps the API's English sentence.
     */
    private static Map<String, String> byField(PageText w, InvalidInputException e) {
        return e.problems().stream().collect(Collectors.toMap(FieldProblem::field, p -> sentence(w, p), (a, b) -> a));
    }

    private static final Map<String, String> LABELS = Map.of("name", "apply.name", "organisation", "apply.organisation",
            "email", "apply.email", "language", "apply.language", "password", "password.password",
            "repeatPassword", "password.repeat");
    private static final Map<String, String> PROBLEMS = Map.of("is required", "problem.required",
            "must be exactly one e-mail address, such as name@example.org", "problem.email",
            "is not the same as the password", "problem.repeat");
    private static final Pattern TOO_LONG = Pattern.compile("is too long: at most (\\d+) characters");

    private static String sentence(PageText w, FieldProblem p) {
        String label = LABELS.containsKey(p.field()) ? w.get(LABELS.get(p.field())) : p.label();
        Matcher tooLong = TOO_LONG.matcher(p.message());
        if (tooLong.matches()) {
            return w.get("problem.tooLong", label, tooLong.group(1));
        }
        return PROBLEMS.containsKey(p.message()) ? w.get(PROBLEMS.get(p.message()), label) : p.sentence();
    }

    private static ResponseEntity<String> page(PageText w, HttpStatus status, String titleKey, String query, String body) {
        String title = w.html(titleKey);
        String html = "<!DOCTYPE html><html lang=\"" + w.language() + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + title
                + " \u00b7 Arrangement Governance</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}"
                + "h1{font-size:1.5rem}.field{margin:0 0 1rem}label{display:block;font-weight:600;margin-bottom:.25rem}"
                + "input,select{width:100%;padding:.45rem;font-size:1rem;border:1px solid #888;border-radius:4px;box-sizing:border-box}"
                + "input[aria-invalid=true]{border-color:#b00020}.error{color:#b00020;display:block;margin-top:.25rem}"
                + "button{padding:.5rem 1.25rem;font-size:1rem;background:#0b5394;color:#fff;border:0;border-radius:4px}"
                + ".message{background:#eef6ee;border-left:4px solid #2e7d32;padding:.75rem}.small{font-size:.9rem;color:#555}"
                + ".languages{text-align:right;font-size:.9rem}"
                + "</style></head><body>" + w.switcher(query) + "<h1>" + title + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }
}
