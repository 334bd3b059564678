package eu.infosharing.governance.revision;

import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.mail.MemberMail;
import eu.infosharing.governance.mail.MemberMailer;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.organisation.Organisation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reminders of rules-revision and annual-review to a member's contact persons, in its language. */
@Service
@Transactional(readOnly = true)
public class RevisionMails {

    private final MembershipService memberships;
    private final RulesRevisionService revisions;
    private final MemberMailer mailer;

    public RevisionMails(MembershipService memberships, RulesRevisionService revisions, MemberMailer mailer) {
        this.memberships = memberships;
        this.revisions = revisions;
        this.mailer = mailer;
    }

    /** A representative is to accept the new version of the rules of conduct before it takes effect. */
    public void remindOfRevision(Long membershipId, Long versionId) {
        Membership m = memberships.get(membershipId);
        RulesOfConductVersion v = revisions.version(versionId);
        mailer.send(new MemberMail.RulesRevisionReminder(recipients(m.getOrganisation()), m.getOrganisation().getLegalName(),
                m.getArrangement().getName(), v.getVersionLabel(), v.getEffectiveFrom()));
    }

    /** The yearly review waits for the member to confirm its data. */
    public void remindOfReview(Long membershipId) {
        Membership m = memberships.get(membershipId);
        mailer.send(new MemberMail.AnnualReviewReminder(recipients(m.getOrganisation()), m.getOrganisation().getLegalName(),
                m.getArrangement().getName()));
    }

    private static MemberMail.Recipients recipients(Organisation o) {
        return new MemberMail.Recipients(o.contactNames(), o.contactEmails(), o.getPreferredLanguage().locale());
    }
}
