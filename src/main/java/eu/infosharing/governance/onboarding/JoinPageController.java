package eu.infosharing.governance.onboarding;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.mail.PublicLinks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
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
 * page again with what was typed. Writes that a browser marks as cross-site are refused before they reach here.
 */
@RestController
public class JoinPageController {

    private static final String[][] LANGUAGES = {{"en", "English"}, {"nl", "Nederlands"}, {"fr", "Fran\u00e7ais"},
            {"de", "Deutsch"}};

    private final AccountRequests requests;
    private final PublicLinks links;

    public JoinPageController(AccountRequests requests, PublicLinks links) {
        this.requests = requests;
        this.links = links;
    }

    @GetMapping(value = AccountRequests.APPLY_PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> applyPage() {
        return page(HttpStatus.OK, "Apply to join", applyForm(new AccountRequests.Application("", "", "", "en"), Map.of(), null));
    }

    @PostMapping(value = AccountRequests.APPLY_PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> apply(@RequestParam(required = false) String name,
                                        @RequestParam(required = false) String organisation,
                                        @RequestParam(required = false) String email,
                                        @RequestParam(required = false) String language, HttpServletRequest request) {
        AccountRequests.Application typed = new AccountRequests.Application(name, organisation, email, language);
        try {
            requests.apply(typed, request.getRemoteAddr());
            return page(HttpStatus.OK, "Apply to join", message("applied", AccountRequests.APPLIED));
        } catch (InvalidInputException e) {
            return page(HttpStatus.BAD_REQUEST, "Apply to join", applyForm(typed, byField(e), null));
        } catch (AccountRequests.TooManyRequests e) {
            return page(HttpStatus.TOO_MANY_REQUESTS, "Apply to join", applyForm(typed, Map.of(), e.getMessage()));
        }
    }

    @GetMapping(value = AccountRequests.VERIFY_PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> verifyPage(@RequestParam(required = false) String token) {
        // a mail client that opens links to check them must not use the link up: confirming is a button
        return page(HttpStatus.OK, "Confirm your address", "<p>Press the button to confirm that this e-mail address is "
                + "yours. The coordinators then review your request.</p><form method=\"post\" action=\""
                + AccountRequests.VERIFY_PATH + "\">" + hidden("token", token)
                + "<button type=\"submit\" id=\"confirm\">Confirm</button></form>");
    }

    @PostMapping(value = AccountRequests.VERIFY_PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> verify(@RequestParam(required = false) String token) {
        try {
            requests.verify(token);
            return page(HttpStatus.OK, "Address confirmed", message("verified", AccountRequests.VERIFIED));
        } catch (AccountRequests.LinkNoLongerValid e) {
            return gone();
        }
    }

    @GetMapping(value = AccountRequests.PASSWORD_PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> passwordPage(@RequestParam(required = false) String token) {
        return requests.passwordLinkUser(token)
                .map(user -> page(HttpStatus.OK, "Set your password", passwordForm(token, user, Map.of())))
                .orElseGet(this::gone);
    }

    @PostMapping(value = AccountRequests.PASSWORD_PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> setPassword(@RequestParam(required = false) String token,
                                              @RequestParam(required = false) String password,
                                              @RequestParam(required = false) String repeatPassword) {
        Optional<String> user = requests.passwordLinkUser(token);
        try {
            String userId = requests.setPassword(token, password, repeatPassword == null ? "" : repeatPassword);
            String tasklist = htmlEscape(links.tasklist());
            return page(HttpStatus.OK, "Your password is set", "<p class=\"message\" id=\"password-set\">Your password is set. "
                    + "Sign in to Tasklist with the user name <strong id=\"user-name\">" + htmlEscape(userId)
                    + "</strong>, then apply for your organisation: <em>Start process</em> \u2192 <em>Membership "
                    + "onboarding</em>.</p><p><a id=\"to-tasklist\" href=\"" + tasklist + "\">Go to Tasklist</a></p>");
        } catch (InvalidInputException e) {
            return page(HttpStatus.BAD_REQUEST, "Set your password", passwordForm(token, user.orElse(""), byField(e)));
        } catch (AccountRequests.LinkNoLongerValid e) {
            return gone();
        }
    }

    // --- the pages ----------------------------------------------------------------------------------------------------

    private static String applyForm(AccountRequests.Application typed, Map<String, String> errors, String notice) {
        StringBuilder b = new StringBuilder();
        b.append("<p>Your organisation is not a member yet and you have no account? Ask for one here. We mail you a link to "
                + "confirm your address; a coordinator then reviews your request, and once it is accepted you set a "
                + "password and apply for your organisation in Tasklist.</p>");
        if (notice != null) {
            b.append("<p class=\"error\" role=\"alert\" id=\"notice\">").append(htmlEscape(notice)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"").append(AccountRequests.APPLY_PATH).append("\" novalidate>")
                .append(field("name", "Your name", "text", typed.name(), errors, "autocomplete=\"name\" maxlength=\"120\""))
                .append(field("organisation", "Organisation", "text", typed.organisation(), errors,
                        "autocomplete=\"organization\" maxlength=\"200\""))
                .append(field("email", "E-mail address", "email", typed.email(), errors,
                        "autocomplete=\"email\" maxlength=\"254\""))
                .append("<div class=\"field\"><label for=\"language\">Language of our mails</label><select id=\"language\" "
                        + "name=\"language\">");
        for (String[] l : LANGUAGES) {
            b.append("<option value=\"").append(l[0]).append('"').append(l[0].equals(typed.language()) ? " selected" : "")
                    .append('>').append(l[1]).append("</option>");
        }
        b.append("</select>").append(error("language", errors)).append("</div>")
                .append("<button type=\"submit\" id=\"apply\">Apply</button></form>")
                .append("<p class=\"small\">Already have an account? <a href=\"/camunda/app/tasklist/\">Sign in to Tasklist</a>.</p>");
        return b.toString();
    }

    private static String passwordForm(String token, String user, Map<String, String> errors) {
        return "<p>Your user name is <strong id=\"user-name\">" + htmlEscape(user) + "</strong>. Choose a password of at "
                + "least 12 characters with lower and upper case, a digit and a symbol. The link works once.</p>"
                + "<form method=\"post\" action=\"" + AccountRequests.PASSWORD_PATH + "\" novalidate>" + hidden("token", token)
                + field("password", "Password", "password", "", errors, "autocomplete=\"new-password\"")
                + field("repeatPassword", "Password again", "password", "", errors, "autocomplete=\"new-password\"")
                + "<button type=\"submit\" id=\"set-password\">Set password</button></form>";
    }

    private ResponseEntity<String> gone() {
        return page(HttpStatus.GONE, "Link no longer valid", "<p class=\"error\" id=\"link-invalid\">"
                + htmlEscape(AccountRequests.LINK_NO_LONGER_VALID) + "</p><p><a href=\"" + AccountRequests.APPLY_PATH
                + "\">Apply to join</a></p>");
    }

    private static String field(String name, String label, String type, String value, Map<String, String> errors,
                                String attributes) {
        boolean bad = errors.containsKey(name);
        return "<div class=\"field\"><label for=\"" + name + "\">" + label + "</label><input id=\"" + name + "\" name=\""
                + name + "\" type=\"" + type + "\" value=\"" + htmlEscape(value == null ? "" : value) + "\" " + attributes
                + (bad ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\" autofocus" : "") + ">"
                + error(name, errors) + "</div>";
    }

    private static String error(String name, Map<String, String> errors) {
        String message = errors.get(name);
        return message == null ? "" : "<span class=\"error\" id=\"" + name + "-error\">" + htmlEscape(message) + "</span>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + htmlEscape(value == null ? "" : value) + "\">";
    }

    private static String message(String id, String text) {
        return "<p class=\"message\" role=\"status\" id=\"" + id + "\">" + htmlEscape(text) + "</p>";
    }

    /** The first problem of each field, as a sentence beside it ("Your name is required"). */
    private static Map<String, String> byField(InvalidInputException e) {
        return e.problems().stream().collect(Collectors.toMap(FieldProblem::field, FieldProblem::sentence, (a, b) -> a));
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + htmlEscape(title)
                + " \u00b7 Arrangement Governance</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}"
                + "h1{font-size:1.5rem}.field{margin:0 0 1rem}label{display:block;font-weight:600;margin-bottom:.25rem}"
                + "input,select{width:100%;padding:.45rem;font-size:1rem;border:1px solid #888;border-radius:4px;box-sizing:border-box}"
                + "input[aria-invalid=true]{border-color:#b00020}.error{color:#b00020;display:block;margin-top:.25rem}"
                + "button{padding:.5rem 1.25rem;font-size:1rem;background:#0b5394;color:#fff;border:0;border-radius:4px}"
                + ".message{background:#eef6ee;border-left:4px solid #2e7d32;padding:.75rem}.small{font-size:.9rem;color:#555}"
                + "</style></head><body><h1>" + htmlEscape(title) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }
}
