package eu.infosharing.governance.notification;

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
        return determine(o.getCountry(), o.getNis2Status().name(),
                o.getDoraEntityType() == null ? null : o.getDoraEntityType().name());
    }

    public List<Determination> determine(String country, String nis2Status, String doraEntityType) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("country", country);
        inputs.put("nis2Status", nis2Status);
        inputs.put("doraEntityType", doraEntityType);
        // evaluating a decision is product work, not the reader's: auditors read without the right to evaluate
        return Privileged.call(identityService, () -> {
            List<Determination> result = new ArrayList<>();
            for (DmnDecisionRuleResult entry : decisionService.evaluateDecisionTableByKey(DECISION_KEY, inputs)) {
                result.add(new Determination(entry.getEntry("authorityCode"), entry.getEntry("legalBasis")));
            }
            return result;
        });
    }

    @Transactional(readOnly = true)
    public List<CompetentAuthority> list() {
        return authorities.findAllByOrderByCodeAsc();
    }

    /** Administrators change an authority's channel, languages, deadline or whether it is in use. */
    @Transactional
    public CompetentAuthority configure(String code, AuthorityConfiguration c) {
        if (!currentUser.isIn(Roles.ADMINS)) {
            throw new ForbiddenException("Only administrators change competent authorities");
        }
        CompetentAuthority authority = authorities.findByCode(code.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("No competent authority " + code));
        List<FieldProblem> problems = new ArrayList<>();
        CompetentAuthority.Channel channel = null;
        try {
            channel = c.channel() == null ? null : CompetentAuthority.Channel.valueOf(c.channel().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("channel", "Channel", "must be EMAIL or HTTPS"));
        }
        if (c.channel() == null) {
            problems.add(new FieldProblem("channel", "Channel", "is required"));
        }
        String address = StrictText.singleLine("channelAddress", "Channel address", c.channelAddress(), 500, null, problems);
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
        List<String> languages = c.languages() == null ? List.of() : c.languages();
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
            if (c.deadline() == null || Period.parse(c.deadline()).isNegative() || Period.parse(c.deadline()).isZero()) {
                problems.add(new FieldProblem("deadline", "Deadline", "must be a positive ISO 8601 period, e.g. P28D"));
            }
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("deadline", "Deadline", "must be a positive ISO 8601 period, e.g. P28D"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        authority.configure(channel, address, languages, c.deadline(), c.active() == null || c.active());
        return authority;
    }

    private static boolean isHttpsUrl(String address) {
        try {
            URI uri = URI.create(address);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public record AuthorityConfiguration(String channel, String channelAddress, List<String> languages, String deadline,
                                         Boolean active) {
    }
}
