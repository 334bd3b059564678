package eu.infosharing.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.infosharing.governance.identity.AdminCredentials;
import eu.infosharing.governance.support.StandaloneContexts;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The prod profile creates no demo users and will not start without a first administrator with a strong password. */
class ProductionProfileTest {

    @Test
    void refusesToStartWithoutAnAdministratorPassword() {
        assertThatThrownBy(() -> start(null).close())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GOVERNANCE_ADMIN_PASSWORD is not set");
    }

    @Test
    void refusesToStartWithAWeakAdministratorPassword() {
        assertThatThrownBy(() -> start("admin123").close())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("too short").hasMessageContaining("common password");
    }

    @Test
    void startsWithAStrongPasswordAndOnlyThatAdministrator() {
        try (ConfigurableApplicationContext app = start("Zx7#harbour-Kq2!")) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("opsadmin");
            assertThat(identity.checkPassword("opsadmin", "Zx7#harbour-Kq2!")).isTrue();
            assertThat(identity.createGroupQuery().groupMember("opsadmin").list()).extracting(g -> g.getId())
                    .contains("camunda-admin");
        }
    }

    @Test
    void passwordRulesNameEachProblem() {
        assertThat(AdminCredentials.problems("ops", "Tr0ub4dor&3-horse")).isEmpty();
        assertThat(AdminCredentials.problems("ops", "alllowercaseletters")).singleElement().asString()
                .contains("lower case, upper case, a digit and a symbol");
        assertThat(AdminCredentials.problems("ops", "Ops-Admin-2026!x")).anyMatch(p -> p.contains("user name"));
        assertThat(AdminCredentials.problems(" ", null)).containsExactly("GOVERNANCE_ADMIN_USER is not set",
                "GOVERNANCE_ADMIN_PASSWORD is not set");
    }

    private static ConfigurableApplicationContext start(String password) {
        String db = "jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return StandaloneContexts.run(new String[] {"prod"},
                "--spring.datasource.url=" + db, "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                "--GOVERNANCE_ADMIN_USER=opsadmin",
                password == null ? "--unused=1" : "--GOVERNANCE_ADMIN_PASSWORD=" + password,
                "--governance.mail.outbox-dir=target/prod-outbox");
    }
}
