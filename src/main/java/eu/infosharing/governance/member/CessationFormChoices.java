package eu.infosharing.governance.member;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.infosharing.governance.engine.StartFormPersonaliser;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.process.CessationProcess;
import eu.infosharing.governance.process.Forms;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cessation form offers each person what it may end and how: a representative picks one of its own
 * organisation's memberships in force and sees withdrawal only; a coordinator picks any membership in force and every
 * way. The choices are a convenience: {@code CessationService} refuses whatever else a form or engine REST sends.
 */
@Component
public class CessationFormChoices implements StartFormPersonaliser {

    /** Withdrawal, the one way a member ends its own membership. */
    static final String WITHDRAWAL = "WITHDRAWAL";

    private final CurrentUser currentUser;
    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;

    public CessationFormChoices(CurrentUser currentUser, OrganisationRepository organisations,
                                MembershipRepository memberships) {
        this.currentUser = currentUser;
        this.organisations = organisations;
        this.memberships = memberships;
    }

    @Override
    public String formId() {
        return Forms.REQUEST_CESSATION.id();
    }

    @Override
    @Transactional(readOnly = true)
    public void personalise(ObjectNode schema) {
        if (!currentUser.isAuthenticated()) {
            return;
        }
        if (currentUser.actsForAnyOrganisation()) {
            choose(schema, inForce(null), true);
            return;
        }
        Optional<Organisation> own = organisations.findRepresentedBy(currentUser.groups());
        if (own.isPresent()) {
            choose(schema, inForce(own.get().getId()), false);
            FormSchema.component(schema, "Text_Intro").ifPresent(t -> t.put("text", "### Withdraw from an arrangement\n"
                    + "Your organisation's **withdrawal** takes effect after the arrangement's notice period, or on the "
                    + "date you ask if later, and you can cancel it until then. Follow it on your organisation's "
                    + "[status page](/my-organisation)."));
            FormSchema.component(schema, CessationProcess.CESSATION_KIND.name()).ifPresent(kind -> {
                ArrayNode values = kind.putArray("values");
                values.addObject().put("label", "Withdrawal by the member").put("value", WITHDRAWAL);
            });
        }
    }

    /** The memberships that may be ended now (one cessation at a time: not those already ending). */
    private List<Membership> inForce(Long organisationId) {
        return Stream.of(MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED)
                .flatMap(s -> memberships.search(s, null, organisationId).stream())
                .sorted(Comparator.comparing((Membership m) -> m.getOrganisation().getLegalName())
                        .thenComparing(m -> m.getArrangement().getName()))
                .toList();
    }

    /** The membership field becomes a list of memberships, by name, instead of a number to look up elsewhere. */
    private static void choose(ObjectNode schema, List<Membership> choices, boolean anyOrganisation) {
        FormSchema.component(schema, CessationProcess.MEMBERSHIP_ID.name()).ifPresent(field -> {
            field.put("type", "select");
            field.put("label", "Membership");
            field.put("searchable", anyOrganisation);
            field.remove("validate");
            field.putObject("validate").put("required", true);
            field.put("description", choices.isEmpty()
                    ? (anyOrganisation ? "No membership is in force." : "Your organisation has no membership in force to end.")
                    : anyOrganisation ? "Any membership in force (active or suspended)"
                    : "One of your organisation's memberships in force");
            ArrayNode values = field.putArray("values");
            choices.forEach(m -> values.addObject().put("label", label(m, anyOrganisation)).put("value", m.getId()));
        });
    }

    private static String label(Membership m, boolean withOrganisation) {
        return (withOrganisation ? m.getOrganisation().getLegalName() + " in " : "") + m.getArrangement().getName()
                + " (M-" + m.getId() + (m.getStatus() == MembershipStatus.SUSPENDED ? ", suspended" : "") + ")";
    }
}
