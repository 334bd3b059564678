package eu.infosharing.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.AuthorityNotifications;
import eu.infosharing.governance.notification.MemberSentNotifications;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.support.Members;
import eu.infosharing.governance.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What each competent authority has been told, as a supervisor asks for it: the members it knows to participate (its
 * entry letter went out, its cessation letter not yet), and the notification register for that authority alone.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorityParticipantsTest {

    private static final String PASSWORD = "Participants-Secret-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    Members members;
    @Autowired
    TestUsers users;
    @Autowired
    AuthorityNotifications notifications;
    @Autowired
    MemberSentNotifications memberSent;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Membership participating;
    Membership left;
    Membership leaving;

    @BeforeAll
    void threeMembersTheCcbWasToldOf() {
        users.user("apauditor", PASSWORD, Roles.AUDITORS);
        participating = member("Told Energy");
        left = member("Gone Energy");
        leaving = member("Leaving Energy");
        confirm(left, NotificationEvent.CESSATION);
        tx.executeWithoutResult(s -> memberships.findById(leaving.getId()).orElseThrow()
                .transition(MembershipStatus.CEASED, "test", "Withdrawal took effect"));
        // the cessation letter of "Leaving Energy" is created but has not gone out
        notifications.create(leaving.getId(), NotificationEvent.CESSATION, LocalDate.now(NotificationSettings.DEFAULT_ZONE));
    }

    @Test
    void theAuthorityKnowsWhoParticipatesUntilItIsToldOfTheCessation() throws Exception {
        mvc.perform(get("/api/authorities/ccb/participants").with(httpBasic("apauditor", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.organisation == 'Told Energy')].cessationPending").value(false))
                .andExpect(jsonPath("$[?(@.organisation == 'Leaving Energy')].cessationPending").value(true))
                .andExpect(jsonPath("$[?(@.organisation == 'Leaving Energy')].membershipStatus").value("CEASED"))
                .andExpect(jsonPath("$[?(@.organisation == 'Gone Energy')]").isEmpty());
        String csv = mvc.perform(get("/api/authorities/CCB/participants.csv").with(httpBasic("apauditor", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("membership,organisation");
        assertThat(csv).contains("\"Told Energy\"").contains("\"Leaving Energy\"").doesNotContain("Gone Energy");
        assertThat(csv).containsPattern("\"Leaving Energy\".*\"CEASED\".*\"yes\"");
    }

    @Test
    void onlyReadersOfEveryMembershipSeeItAndAnUnknownAuthorityIsNamed() throws Exception {
        String representative = members.representative(participating, "aprep", PASSWORD);
        mvc.perform(get("/api/authorities/CCB/participants").with(httpBasic(representative, PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/authorities/NOPE/participants").with(httpBasic("apauditor", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/notifications/register.csv?authority=NOPE").with(httpBasic("apauditor", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("authority"));
    }

    @Test
    void theRegisterCanBeAskedForOneAuthority() throws Exception {
        String ccb = mvc.perform(get("/api/notifications/register.csv?authority=CCB").with(httpBasic("apauditor", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> rows = ccb.lines().skip(1).toList();
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).contains(",\"CCB\","));
        assertThat(ccb).contains("Told Energy", "Gone Energy");
        String nbb = mvc.perform(get("/api/notifications/register.csv?authority=NBB").with(httpBasic("apauditor", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(nbb).doesNotContain("Told Energy");
    }

    @Test
    void anAuthorityToldOfTheEntryIsToldOfTheCessationEvenWhenTheStatusChangedSince() {
        Membership shrinking = member("Shrinking Energy");
        // no longer in NIS2's scope: today's rules would name no authority at all
        jdbc.update("update organisation set nis2_status = 'NOT_IN_SCOPE', nis2_sector = null where id = ?",
                shrinking.getOrganisation().getId());

        List<String> told = notifications.create(shrinking.getId(), NotificationEvent.CESSATION, LocalDate.now(NotificationSettings.DEFAULT_ZONE));

        assertThat(told).singleElement().asString().endsWith("-CCB-CESSATION");
    }

    /** An active member under NIS2 in Belgium whose entry letter to the CCB the member sent itself and confirmed. */
    private Membership member(String name) {
        Membership m = members.activeMember("APPSEC", name, Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null, Language.en,
                NotificationMode.PREPARE_ONLY);
        confirm(m, NotificationEvent.ENTRY);
        return m;
    }

    private void confirm(Membership m, NotificationEvent event) {
        for (String reference : notifications.create(m.getId(), event, LocalDate.now(NotificationSettings.DEFAULT_ZONE))) {
            memberSent.confirm(reference, "ACK-" + reference, LocalDate.now(NotificationSettings.DEFAULT_ZONE).toString());
        }
    }
}
