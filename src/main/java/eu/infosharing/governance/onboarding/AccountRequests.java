package eu.infosharing.governance.onboarding;

import static eu.infosharing.governance.process.AccountRequestProcess.*;

import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.engine.AuthorizationGrants;
import eu.infosharing.governance.engine.DueDates;
import eu.infosharing.governance.identity.AdminCredentials;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.mail.MemberMail;
import eu.infosharing.governance.mail.MemberMailer;
import eu.infosharing.governance.mail.PublicLinks;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.process.ProductAction;
import eu.infosharing.governance.process.TaskDisplay;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for an account from the public Apply to join page: the request and its verification link, the coordinators'
 * decision (bpmn/account-request.bpmn), the account it opens with a group of its own for the new organisation, and the
 * single-use link to set the first password. Every answer to the public is the same whether the address is known or not,
 * and nobody sees any member's data before a coordinator accepted the request.
 */
@Service
public class AccountRequests {

    public static final String APPLY_PATH = "/join";
    public static final String VERIFY_PATH = "/join/verify";
    public static final String PASSWORD_PATH = "/join/password";

    /** What anybody who applies is told, whether or not the address has an account or a request already. */
    public static final String APPLIED = "Thank you. A message is on its way to the address you gave: open the link in it "
            + "to confirm that the address is yours. The coordinators then review your request and write to you.";
    public static final String VERIFIED = "Thank you: your address is confirmed. The coordinators review your request "
            + "and write to you when they have decided.";
    public static final String LINK_NO_LONGER_VALID = "This link has expired or was already used. Apply again on the "
            + "Apply to join page, or, if your account was accepted, ask the coordinators for a new link.";
    public static final String TOO_MANY = "Too many requests from here or for this address. Please try again in an hour.";

    public enum Decision { ACCEPT, REFUSE }

    /** What a person types on the Apply to join page. */
    public record Application(String name, String organisation, String email, String language) {
    }

    /** A link that was used already, has expired, or never existed: the same answer for each. */
    public static class LinkNoLongerValid extends RuntimeException {
        LinkNoLongerValid() {
            super(LINK_NO_LONGER_VALID);
        }
    }

    /** The page was used too often from this client or for this address. */
    public static class TooManyRequests extends RuntimeException {
        TooManyRequests() {
            super(TOO_MANY);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<AccountRequest.Status> TAKEN =
            List.of(AccountRequest.Status.VERIFIED, AccountRequest.Status.ACCEPTED, AccountRequest.Status.ACTIVE);

    private final AccountRequestRepository requests;
    private final AccountRequestThrottle throttle;
    private final JoinSettings settings;
    private final OnboardingDeadlines deadlines;
    private final NotificationSettings dates;
    private final MemberMailer mailer;
    private final PublicLinks links;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final AuthorizationGrants grants;

    public AccountRequests(AccountRequestRepository requests, AccountRequestThrottle throttle, JoinSettings settings,
                           OnboardingDeadlines deadlines, NotificationSettings dates, MemberMailer mailer, PublicLinks links,
                           IdentityService identityService, RuntimeService runtimeService, AuthorizationGrants grants) {
        this.requests = requests;
        this.throttle = throttle;
        this.settings = settings;
        this.deadlines = deadlines;
        this.dates = dates;
        this.mailer = mailer;
        this.links = links;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.grants = grants;
    }

    /**
     * Takes in an application: validates it (400 naming the fields), counts it against the limits per client and per
     * address, then mails a verification link, or, for an address that has an account or a request already, a mail
     * that says where to sign in. The caller answers {@link #APPLIED} either way.
     */
    @Transactional
    public void apply(Application in, String client) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = StrictText.singleLine("name", "Your name", in.name(), 120, "is required", problems);
        String organisation = StrictText.singleLine("organisation", "Organisation", in.organisation(), 200, "is required",
                problems);
        String email = StrictText.singleLine("email", "E-mail address", in.email(), 254, "is required", problems);
        if (email != null) {
            StrictText.emailProblem(email).ifPresent(p -> problems.add(new FieldProblem("email", "E-mail address", p)));
        }
        Language language = language(in.language(), problems);
        StrictText.refuseIfAny(problems);
        String address = email.toLowerCase(Locale.ROOT);
        if (!throttle.allow(client, address)) {
            throw new TooManyRequests();
        }
        MemberMail.Recipients to = new MemberMail.Recipients(name, List.of(address), language.locale());
        if (isKnown(address)) {
            mailer.send(new MemberMail.AccountAlreadyKnown(to));
            return;
        }
        Instant now = now();
        // asking again before verifying replaces the earlier link (and what was typed) on the same request
        AccountRequest request = requests.findByEmailAndStatusIn(address, List.of(AccountRequest.Status.UNVERIFIED))
                .stream().findFirst()
                .orElseGet(() -> new AccountRequest(name, organisation, address, language, now));
        request.restate(name, organisation, language);
        String token = newToken();
        Instant expires = now.plus(settings.getVerificationValidFor());
        request.expectVerification(hash(token), expires);
        requests.saveAndFlush(request);
        mailer.send(new MemberMail.AccountVerification(to, organisation, links.to(VERIFY_PATH + "?token=" + token),
                moment(expires, language)));
    }

    /** The address is proven: the coordinators get the request (the account-request process starts). */
    @Transactional
    public void verify(String token) {
        Instant now = now();
        AccountRequest request = find(token, true).filter(r -> r.getStatus() == AccountRequest.Status.UNVERIFIED)
                .filter(r -> now.isBefore(r.getVerificationExpiresAt()))
                .orElseThrow(LinkNoLongerValid::new);
        request.verified(now);
        Map<String, Object> variables = new HashMap<>();
        ACCOUNT_REQUEST_ID.putIn(variables, request.getId());
        REVIEW_DUE_AT.putIn(variables, DueDates.after(deadlines.getReviewDue()));
        String instance = ProductAction.call(() -> runtimeService.startProcessInstanceByKey(KEY,
                businessKey(request.getId()), variables)).getId();
        request.attachProcess(instance);
    }

    /** The account whose first password this link sets, while the link works. */
    @Transactional(readOnly = true)
    public Optional<String> passwordLinkUser(String token) {
        return openPasswordLink(token).map(AccountRequest::getUserId);
    }

    /**
     * Sets the first password of an accepted account, through the identity service only, and uses up the link. A
     * password that breaks the product's rules, or a repeat that differs, is refused naming the field.
     */
    @Transactional
    public String setPassword(String token, String password, String repeated) {
        AccountRequest request = openPasswordLink(token).orElseThrow(LinkNoLongerValid::new);
        String userId = request.getUserId();
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add(new FieldProblem("password", "Password", "is required"));
        } else {
            AdminCredentials.passwordRules(userId, password)
                    .forEach(p -> problems.add(new FieldProblem("password", "Password", p)));
            if (repeated != null && !repeated.equals(password)) {
                problems.add(new FieldProblem("repeatPassword", "Password again", "is not the same as the password"));
            }
        }
        Privileged.run(identityService, () -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            // where Camunda's password policy is on (prod), it is checked too: it also refuses the person's own names
            PasswordPolicy policy = identityService.getPasswordPolicy();
            if (problems.isEmpty() && policy != null) {
                identityService.checkPasswordAgainstPolicy(policy, password, user).getViolatedRules().forEach(rule ->
                        problems.add(new FieldProblem("password", "Password", rule.getPlaceholder().endsWith("USER_DATA")
                                ? "must not contain your name or e-mail address" : "does not meet the password policy")));
            }
            StrictText.refuseIfAny(problems);
            user.setPassword(password);
            identityService.saveUser(user);
        });
        request.passwordSet(now());
        return userId;
    }

    // --- the coordinators' task ---------------------------------------------------------------------------------------

    /** "Name, Organisation" for the task's name. */
    public String taskName(Long id) {
        AccountRequest r = get(id);
        return r.getApplicantName() + ", " + r.getOrganisationName();
    }

    /** What the coordinator's form shows, task-local. */
    public Map<String, Object> taskContext(Long id) {
        AccountRequest r = get(id);
        Map<String, Object> shown = new HashMap<>();
        APPLICANT_NAME.putIn(shown, r.getApplicantName());
        TaskDisplay.ORGANISATION_NAME.putIn(shown, r.getOrganisationName());
        APPLICANT_EMAIL.putIn(shown, r.getEmail());
        REQUESTED_LABEL.putIn(shown, moment(r.getRequestedAt(), Language.en));
        return shown;
    }

    /** The coordinator's decision; a refusal needs its reason, which is mailed as written. Answers the decision. */
    @Transactional
    public String decide(Long id, String decision, String reason, String coordinator) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanReason = StrictText.freeText("accountRefusalReason", "Reason for refusing", reason, 2000,
                Decision.REFUSE.name().equals(decision) ? "is required when you refuse: it is mailed to the person" : null,
                problems);
        if (!Decision.ACCEPT.name().equals(decision) && !Decision.REFUSE.name().equals(decision)) {
            problems.add(0, new FieldProblem("accountDecision", "Decision", "must be ACCEPT or REFUSE"));
        }
        StrictText.refuseIfAny(problems);
        get(id).decided(coordinator, now(), Decision.REFUSE.name().equals(decision) ? cleanReason : null);
        return decision;
    }

    /**
     * Opens the accepted account: a user named after the person, a group of its own for the organisation it will
     * register (the grants of an organisation's representatives, as on registration), and a new single-use link to set
     * the password, mailed. Run again after a failure, it reuses the user and group and sends a fresh link.
     */
    @Transactional
    public void openAccount(Long id) {
        AccountRequest request = get(id);
        String userId = request.getUserId() != null ? request.getUserId() : freeUserId(request.getApplicantName());
        String groupId = "applicant" + request.getId();
        Privileged.run(identityService, () -> {
            if (!userExists(userId)) {
                User user = identityService.newUser(userId);
                String[] names = splitName(request.getApplicantName());
                user.setFirstName(names[0]);
                user.setLastName(names[1]);
                user.setEmail(request.getEmail());
                // nobody knows this password: the person chooses theirs through the link
                user.setPassword(newToken() + "aA1!");
                identityService.saveUser(user);
            }
            grants.ensureOrganisationGroup(groupId, request.getOrganisationName());
            if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
                identityService.createMembership(userId, groupId);
            }
        });
        String token = newToken();
        Instant expires = now().plus(settings.getPasswordLinkValidFor());
        request.accepted(userId, groupId, hash(token), expires);
        mailer.send(new MemberMail.AccountAccepted(recipients(request), request.getOrganisationName(), userId,
                links.to(PASSWORD_PATH + "?token=" + token), moment(expires, request.getLanguage())));
    }

    /** Mails the refusal with its reason. */
    @Transactional
    public void sendRefusal(Long id) {
        AccountRequest request = get(id);
        request.refused();
        mailer.send(new MemberMail.AccountRefused(recipients(request), request.getOrganisationName(),
                request.getRefusalReason()));
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private boolean isKnown(String address) {
        return Privileged.call(identityService, () -> identityService.createUserQuery().userEmail(address).count() > 0)
                || !requests.findByEmailAndStatusIn(address, TAKEN).isEmpty();
    }

    private Optional<AccountRequest> openPasswordLink(String token) {
        Instant now = now();
        return find(token, false).filter(r -> r.getStatus() == AccountRequest.Status.ACCEPTED)
                .filter(r -> now.isBefore(r.getPasswordExpiresAt()));
    }

    private Optional<AccountRequest> find(String token, boolean verification) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        return verification ? requests.findByVerificationTokenHash(hash) : requests.findByPasswordTokenHash(hash);
    }

    private AccountRequest get(Long id) {
        return requests.findById(id).orElseThrow(() -> new IllegalStateException("No account request " + id));
    }

    private static MemberMail.Recipients recipients(AccountRequest r) {
        return new MemberMail.Recipients(r.getApplicantName(), List.of(r.getEmail()), r.getLanguage().locale());
    }

    private static Language language(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return Language.en;
        }
        for (Language l : Language.values()) {
            if (l.name().equalsIgnoreCase(value.trim())) {
                return l;
            }
        }
        problems.add(new FieldProblem("language", "Language", "must be one of nl, fr, en, de"));
        return Language.en;
    }

    /** A user id from the person's name: letters and digits only (as Camunda allows), unique. */
    private String freeUserId(String name) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        if (base.isEmpty()) {
            base = "member";
        }
        String candidate = base;
        for (int n = 2; userExists(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    private boolean userExists(String userId) {
        return Privileged.call(identityService, () -> identityService.createUserQuery().userId(userId).count()) > 0;
    }

    private static String[] splitName(String name) {
        int space = name.lastIndexOf(' ');
        return space < 0 ? new String[] {name, ""} : new String[] {name.substring(0, space), name.substring(space + 1)};
    }

    /** A moment as the person reads it, in the configured zone: "1 December 2026, 20:15". */
    private String moment(Instant instant, Language language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(language.locale())
                .withZone(dates.getZone()).format(instant);
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** 256 random bits, URL-safe. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Only this is stored: a copy of the table opens no link. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
