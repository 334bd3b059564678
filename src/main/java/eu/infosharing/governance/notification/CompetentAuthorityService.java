package eu.infosharing.governance.notification;

import eu.infosharing.governance.api.ConflictException;
import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.NotFoundException;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Organisation;
import java.net.URI;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which authorities an organisation notifies (the DMN table competent-authorities decides), and the authorities
 * themselves as data that administrators keep up to date.
 */
@Service
public class CompetentAuthorityService {

    public static final String DECISION_KEY = "competent-authorities";
    private static final Pattern AUTHORITY_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,19}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");


    private final CompetentAuthorityRepository authorities;
    private final CurrentUser currentUser;
    private final DecisionService decisionService;
    private final IdentityService identityService;

    public CompetentAuthorityService(CompetentAuthorityRepository authorities, CurrentUser currentUser,
                                     DecisionService decisionService, IdentityService identityService) {
        this.authorities = authorities;
        this.currentUser = currentUser;
        this.decisionService = decisionService;
        this.identityService = identityService;
    }

    /** An authority to notify and why. */
    public record Determination(String authorityCode, String legalBasis) {
    }

    /**
     * What the decision table says for this organisation's regimes; none for an entity outside both. Each
     * evaluation is kept in the engine's decision history, with its inputs.
     */
    public List<Determination> determine(Organisation o) {
        return determine(Regimes.of(o));
    }

    /** The decision's inputs: where the entity is established and what it is under NIS2 and DORA. */
    public record Regimes(String country, String nis2Status, String nis2Sector, String doraEntityType, String doraLicence) {

        static Regimes of(Organisation o) {
            return new Regimes(o.getCountry(), o.getNis2Status().name(),
                    o.getNis2Sector() == null ? null : o.getNis2Sector().name(),
                    o.getDoraEntityType() == null ? null : o.getDoraEntityType().name(),
                    o.getDoraLicence() == null ? null : o.getDoraLicence().name());
        }
    }

    public List<Determination> determine(Regimes regimes) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("country", regimes.country());
        inputs.put("nis2Status", regimes.nis2Status());
        inputs.put("nis2Sector", regimes.nis2Sector());
        inputs.put("doraEntityType", regimes.doraEntityType());
        inputs.put("doraLicence", regimes.doraLicence());
        // evaluating a decision is product work, not the reader's: auditors read without the right to evaluate
        return Privileged.call(identityService, () -> {
            List<Determination> result = new ArrayList<>();
            for (DmnDecisionRuleResult entry : decisionService.evaluateDecisionTableByKey(DECISION_KEY, inputs)) {
                result.add(new Determination(entry.getEntry("authorityCode"), entry.getEntry("legalBasis")));
            }
            return result;
        });
    }

    /** The authority with this code; codes come from our own records, so an unknown one is a defect. */
    @Transactional(readOnly = true)
    public CompetentAuthority get(String code) {
        return authorities.findByCode(code).orElseThrow(() -> new IllegalStateException("No competent authority " + code));
    }

    /** "Name (CODE)" for people, or the code alone for an authority no longer configured. */
    @Transactional(readOnly = true)
    public String displayName(String code) {
        return authorities.findByCode(code).map(a -> a.getName() + " (" + code + ")").orElse(code);
    }

    @Transactional(readOnly = true)
    public List<CompetentAuthority> list() {
        return authorities.findAllByOrderByCodeAsc();
    }

    /** Administrators change an authority's channel, languages, deadline or whether it is in use. */
    @Transactional
    public CompetentAuthority configure(String code, AuthorityConfiguration c) {
        requireAdministrator();
        CompetentAuthority authority = authorities.findByCode(code.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("No competent authority " + code));
        List<FieldProblem> problems = new ArrayList<>();
        Settings settings = settings(c.channel(), c.channelAddress(), c.languages(), c.deadline(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        authority.configure(settings.channel(), settings.address(), settings.languages(), settings.deadline(),
                c.active() == null || c.active());
        return authority;
    }

    /**
     * Administrators add an authority that no rule names yet (a Member State or a supervisor the product does not know):
     * a coordinator can then name it for a membership, and a new version of the decision table can select it.
     */
    @Transactional
    public CompetentAuthority create(NewAuthority a) {
        requireAdministrator();
        List<FieldProblem> problems = new ArrayList<>();
        String code = StrictText.singleLine("code", "Code", a.code(), 20, "is required", problems);
        if (code != null && !AUTHORITY_CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "Code", "must be 2 to 20 capital letters, digits or '-' (e.g. AFM, BSI)"));
        }
        String name = StrictText.singleLine("name", "Name", a.name(), 200, "is required", problems);
        String country = StrictText.singleLine("country", "Country", a.country(), 2, "is required", problems);
        if (country != null && !COUNTRY.matcher(country).matches()) {
            problems.add(new FieldProblem("country", "Country", "must be an ISO 3166 country code such as NL, or EU for a Union body"));
        }
        CompetentAuthority.Regime regime = null;
        try {
            regime = a.regime() == null ? null : CompetentAuthority.Regime.valueOf(a.regime().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (regime == null) {
            problems.add(new FieldProblem("regime", "Regime", "must be NIS2 or DORA"));
        }
        Settings settings = settings(a.channel(), a.channelAddress(), a.languages(), a.deadline(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (authorities.findByCode(code).isPresent()) {
            throw new ConflictException("A competent authority " + code + " exists already: change it with PUT /api/authorities/" + code);
        }
        return authorities.save(new CompetentAuthority(code, name, country, regime, settings.channel(), settings.address(),
                settings.languages(), settings.deadline()));
    }

    private void requireAdministrator() {
        if (!currentUser.isIn(Roles.ADMINS)) {
            throw new ForbiddenException("Only administrators change competent authorities");
        }
    }

    private record Settings(CompetentAuthority.Channel channel, String address, List<String> languages, String deadline) {
    }

    /** The channel, languages and deadline of an authority, each checked and named when wrong. */
    private static Settings settings(String channelValue, String channelAddress, List<String> languageValues, String deadline,
                                     List<FieldProblem> problems) {
        CompetentAuthority.Channel channel = null;
        try {
            channel = channelValue == null ? null : CompetentAuthority.Channel.valueOf(channelValue.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("channel", "Channel", "must be EMAIL or HTTPS"));
        }
        if (channelValue == null) {
            problems.add(new FieldProblem("channel", "Channel", "is required"));
        }
        String address = StrictText.singleLine("channelAddress", "Channel address", channelAddress, 500, null, problems);
        address = address == null ? "" : address;
        if (channel == CompetentAuthority.Channel.EMAIL && StrictText.emailProblem(address).isPresent()) {
            problems.add(new FieldProblem("channelAddress", "Channel address", "must be exactly one e-mail address for the EMAIL channel"));
        }
        if (channel == CompetentAuthority.Channel.HTTPS && !isHttpsUrl(address)) {
            problems.add(new FieldProblem("channelAddress", "Channel address", "must be an https:// URL for the HTTPS channel"));
        }
        if (address.length() > 500) {
            problems.add(new FieldProblem("channelAddress", "Channel address", "is too long: at most 500 characters"));
        }
        List<String> languages = languageValues == null ? List.of() : languageValues;
        if (languages.isEmpty()) {
            problems.add(new FieldProblem("languages", "Languages", "must name at least one of nl, fr, en, de"));
        }
        for (String language : languages) {
            try {
                Language.valueOf(language);
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(new FieldProblem("languages", "Languages", "'" + language + "' is not one of nl, fr, en, de"));
            }
        }
        try {
            if (deadline == null || Period.parse(deadline).isNegative() || Period.parse(deadline).isZero()) {
                problems.add(new FieldProblem("deadline", "Deadline", "must be a positive ISO 8601 period, e.g. P28D"));
            }
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("deadline", "Deadline", "must be a positive ISO 8601 period, e.g. P28D"));
        }
        return new Settings(channel, address, languages, deadline);
    }

    private static boolean isHttpsUrl(String address) {
        try {
            URI uri = URI.create(address);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public record NewAuthority(String code, String name, String country, String regime, String channel,
                               String channelAddress, List<String> languages, String deadline) {
    }

    public record AuthorityConfiguration(String channel, String channelAddress, List<String> languages, String deadline,
                                         Boolean active) {
    }
}
