package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.api.Problems;
import eu.infosharing.governance.mail.PublicLinks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Apply to join page's API, open to anybody (no login): apply, verify the address, set the first password. The
 * answer to an application is the same whether the address is known or not; bad input is problem+json naming the field.
 */
@RestController
@RequestMapping("/api/account-requests")
public class AccountRequestController {

    private final AccountRequests requests;
    private final PublicLinks links;

    public AccountRequestController(AccountRequests requests, PublicLinks links) {
        this.requests = requests;
        this.links = links;
    }

    public record Verification(String token) {
    }

    public record FirstPassword(String token, String password) {
    }

    /** 202 with the same message for every address; 400 naming the fields; 429 when asked too often. */
    @PostMapping
    public ResponseEntity<Map<String, String>> apply(@RequestBody AccountRequests.Application application,
                                                     HttpServletRequest request) {
        requests.apply(application, request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", AccountRequests.APPLIED));
    }

    /** 200 once the address is verified; 410 for a link used, expired or unknown. */
    @PostMapping("/verification")
    public Map<String, String> verify(@RequestBody Verification verification) {
        requests.verify(verification.token());
        return Map.of("message", AccountRequests.VERIFIED);
    }

    /** 200 with the user name and where to sign in; 400 naming the password's problems; 410 for a link no longer valid. */
    @PostMapping("/password")
    public Map<String, String> setPassword(@RequestBody FirstPassword password) {
        String userId = requests.setPassword(password.token(), password.password(), null);
        return Map.of("userId", userId, "tasklist", links.tasklist());
    }

    @ExceptionHandler(AccountRequests.LinkNoLongerValid.class)
    ProblemDetail gone(AccountRequests.LinkNoLongerValid e) {
        return problem(HttpStatus.GONE, "Link no longer valid", e.getMessage(), "link-no-longer-valid");
    }

    @ExceptionHandler(AccountRequests.TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(AccountRequests.TooManyRequests e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "3600")
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", e.getMessage(), "too-many-requests"));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        return Problems.of(status, title, detail, type);
    }
}
