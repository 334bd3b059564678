package eu.infosharing.governance.notification;

import static eu.infosharing.governance.process.AuthoritySearchProcess.*;

import eu.infosharing.governance.api.ConflictException;
import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.notification.CompetentAuthority.Regime;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.process.ProductAction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * No silent zero: when the decision table names no competent authority for an entity that is in a regime, a
 * coordinator is asked to find it (bpmn/competent-authority-search.bpmn), and the finding is kept as an override of the
 * membership's authorities so that its cessation is later told to the same authority.
 */
@Service
public class AuthoritySearch {

    public enum Finding { AUTHORITY_FOUND, NO_AUTHORITY_APPLIES }

    private static final Logger LOG = LoggerFactory.getLogger(AuthoritySearch.class);

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final CompetentAuthorityRepository authorities;
    private final AuthorityOverrideRepository overrides;
    private final MembershipAuthorities membershipAuthorities;
    private final NotificationSettings settings;
    private final CurrentUser currentUser;

    public AuthoritySearch(RuntimeService runtimeService, HistoryService historyService,
                           CompetentAuthorityRepository authorities, AuthorityOverrideRepository overrides,
                           MembershipAuthorities membershipAuthorities, NotificationSettings settings,
                           CurrentUser currentUser) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.authorities = authorities;
        this.overrides = overrides;
        this.membershipAuthorities = membershipAuthorities;
        this.settings = settings;
        this.currentUser = currentUser;
    }

    /**
     * When an entry is to be notified and no authority is named for a regime the entity is in: starts one search per
     * such regime, unless the same regime was searched for before in the same situation (country and regimes as they
     * stand), e.g. a coordinator found that no authority applies.
     */
    @EventListener
    void startPerUnnamedRegime(NotificationRecipients.RegimesWithoutAuthority unnamed) {
        if (unnamed.event() != NotificationEvent.ENTRY) {
            return;
        }
        unnamed.regimes().forEach(regime -> start(unnamed.membership(), regime, unnamed.event(), unnamed.effectiveDate()));
    }

    private void start(Membership m, Regime regime, NotificationEvent event, LocalDate effectiveDate) {
        Organisation o = m.getOrganisation();
        String situation = o.getCountry() + "; " + o.displayRegimes() + "; searching " + regime;
        String businessKey = String.valueOf(m.getId());
        boolean searchedBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(businessKey).variableValueEquals(SEARCHED_REGIMES.name(), situation).count() > 0;
        if (searchedBefore) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        MEMBERSHIP_ID.putIn(variables, m.getId());
        EVENT.putIn(variables, event.name());
        EFFECTIVE_ON.putIn(variables, effectiveDate.toString());
        SEARCHED_REGIMES.putIn(variables, situation);
        SEARCHED_REGIME.putIn(variables, regime.name());
        SUBJECT.putIn(variables, subject(o, regime));
        DUE.putIn(variables, settings.endOf(effectiveDate.plus(settings.getAuthoritySearchPeriod())));
        ProductAction.run(() -> runtimeService.startProcessInstanceByKey(KEY, businessKey, variables));
        m.audit(currentUser.id(), "AUTHORITY_SEARCH", "No rule names a " + regime + " competent authority for "
                + o.getCountry() + "; " + o.displayRegimes() + ": a coordinator is asked to find it");
        LOG.info("No {} competent authority configured for membership {} ({}): coordinators asked to find it", regime,
                m.getId(), situation);
    }

    /** "<entity>, <country>, <regime>": what the coordinator's task is named after. */
    static String subject(Organisation o, Regime regime) {
        String what = regime == Regime.NIS2
                ? "NIS2 " + o.getNis2Status().label().toLowerCase(Locale.ROOT)
                : "DORA " + o.getDoraEntityType().label()
                        + (o.getDoraLicence() == null ? "" : ", " + o.getDoraLicence().label().toLowerCase(Locale.ROOT));
        return o.getLegalName() + ", " + o.getCountry() + ", " + what;
    }

    /** The authorities a coordinator can name, one per line. */
    String knownAuthorities() {
        return authorities.findAllByOrderByCodeAsc().stream().filter(CompetentAuthority::isActive)
                .map(a -> a.getCode() + ": " + a.getName() + ", " + a.getCountry() + ", " + a.getRegime())
                .collect(Collectors.joining("\n"));
    }

    /**
     * The coordinator's finding, checked field by field before anything is kept: the authority named becomes an
     * override of the membership's authorities with the reason as its evidence. Answers the authority found, if any.
     */
    String record(Membership m, Regime searched, String findingValue, String codeValue, String reasonValue) {
        List<FieldProblem> problems = new ArrayList<>();
        Finding finding = null;
        try {
            finding = findingValue == null ? null : Finding.valueOf(findingValue.strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (finding == null) {
            problems.add(new FieldProblem(FINDING.name(), "Finding", "must be AUTHORITY_FOUND or NO_AUTHORITY_APPLIES"));
        }
        String reason = StrictText.freeText(FINDING_REASON.name(), "Reason and source", reasonValue, 2000,
                "is required: it is kept as evidence", problems);
        String code = StrictText.clean(codeValue) == null ? null : StrictText.clean(codeValue).toUpperCase(Locale.ROOT);
        if (finding == Finding.AUTHORITY_FOUND) {
            if (code == null) {
                problems.add(new FieldProblem(AUTHORITY_CODE.name(), "Authority code", "is required when an authority is found"));
            } else if (authorities.findByCode(code).filter(CompetentAuthority::isActive).isEmpty()) {
                problems.add(new FieldProblem(AUTHORITY_CODE.name(), "Authority code", "'" + code + "' is not a configured "
                        + "authority in use: an administrator adds it with POST /api/authorities"));
            } else if (searched != null && authorities.findByCode(code).orElseThrow().getRegime() != searched) {
                // another regime's authority would leave this one unnamed, and this search ended
                problems.add(new FieldProblem(AUTHORITY_CODE.name(), "Authority code", "'" + code + "' is a "
                        + authorities.findByCode(code).orElseThrow().getRegime() + " authority: this search is for the "
                        + searched + " competent authority"));
            }
        } else if (finding == Finding.NO_AUTHORITY_APPLIES && code != null) {
            problems.add(new FieldProblem(AUTHORITY_CODE.name(), "Authority code", "must be empty when no authority applies"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (finding == Finding.NO_AUTHORITY_APPLIES) {
            m.audit(currentUser.id(), "NO_AUTHORITY_APPLIES", "No competent authority is to be notified: " + reason);
            return null;
        }
        if (membershipAuthorities.effective(m).stream().anyMatch(d -> d.authorityCode().equals(code))) {
            throw new ConflictException(code + " is already notified for this membership");
        }
        overrides.save(new AuthorityOverride(m, code, AuthorityOverride.Action.ADD, reason, currentUser.id()));
        m.audit(currentUser.id(), "AUTHORITY_FOUND", code + ": " + reason);
        return code;
    }
}
