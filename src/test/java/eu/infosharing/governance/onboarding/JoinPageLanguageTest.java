package eu.infosharing.governance.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.infosharing.governance.api.PageLanguage;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A newcomer reads Apply to join in the language of the browser (a Brussels browser asking for fr-BE reads French),
 * may switch to another with the link on the page and keeps it on the next page through the cookie; the mails'
 * language is offered as the page's.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class JoinPageLanguageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aFrenchSpeakingBrowserReadsTheApplyPageInFrench() throws Exception {
        MvcResult french = mvc.perform(get("/join").header("Accept-Language", "fr-BE,fr;q=0.9,en;q=0.5")).andReturn();

        assertThat(body(french)).contains("<html lang=\"fr\"").contains("<h1>Demander l&#39;adhésion</h1>")
                .contains("<label for=\"email\">Adresse e-mail</label>").contains("Langue de nos e-mails")
                .contains("<option value=\"fr\" selected>").contains(">Envoyer la demande</button>")
                .doesNotContain("Apply to join").doesNotContain("Your name");
        assertThat(french.getResponse().getHeader("Set-Cookie")).as("a browser's language is no choice to remember").isNull();
        // a browser in a language the pages lack falls to the next it accepts, and to English after that
        assertThat(body(mvc.perform(get("/join").header("Accept-Language", "es-ES,de;q=0.8")).andReturn()))
                .contains("<h1>Mitglied werden</h1>").contains("Sie haben bereits ein Konto?");
        assertThat(body(mvc.perform(get("/join").header("Accept-Language", "es-ES")).andReturn()))
                .contains("<h1>Apply to join</h1>").contains("<option value=\"en\" selected>");
    }

    @Test
    void aChoiceOnThePageIsRememberedOverTheBrowsersLanguage() throws Exception {
        MvcResult chosen = mvc.perform(get("/join").param("lang", "nl").header("Accept-Language", "fr-BE")).andReturn();

        assertThat(body(chosen)).contains("<h1>Lid worden</h1>").contains("Uw naam").contains("<option value=\"nl\" selected>");
        assertThat(chosen.getResponse().getHeader("Set-Cookie")).startsWith(PageLanguage.COOKIE + "=nl")
                .contains("Max-Age=31536000").contains("SameSite=Lax");
        // the link in the mail opens the next page: the cookie keeps Dutch although the browser asks for French
        MockHttpServletRequestBuilder verify = get("/join/verify").param("token", "a-token")
                .header("Accept-Language", "fr-BE").cookie(new Cookie(PageLanguage.COOKIE, "nl"));
        String page = body(mvc.perform(verify).andReturn());
        assertThat(page).contains("<h1>Bevestig uw adres</h1>").contains(">Bevestigen</button>")
                // switching language keeps the link's token
                .contains("href=\"?token=a-token&amp;lang=fr\">Français</a>");
        // a link no longer valid says so in the chosen language
        assertThat(body(mvc.perform(get("/join/password").param("token", "unknown").param("lang", "de")).andReturn(), 410))
                .contains("<h1>Link nicht mehr gültig</h1>");
    }

    @Test
    void aRefusedFieldIsExplainedInThePagesLanguage() throws Exception {
        MvcResult refused = mvc.perform(post("/join").contentType("application/x-www-form-urlencoded")
                .param("name", "").param("organisation", "Agence Wallonne").param("email", "pas une adresse")
                .param("language", "fr").header("Accept-Language", "fr-BE")).andReturn();

        assertThat(body(refused, 400)).contains("<span class=\"error\" id=\"name-error\">Vos nom et prénom : ce champ est "
                + "obligatoire</span>").contains("<span class=\"error\" id=\"email-error\">Adresse e-mail : indiquez une "
                + "seule adresse e-mail, par exemple nom@exemple.be</span>").contains("value=\"Agence Wallonne\"")
                .doesNotContain("is required");
        // in English, the sentences the API answers
        assertThat(body(mvc.perform(post("/join").contentType("application/x-www-form-urlencoded").param("name", "")
                .param("organisation", "x").param("email", "a@b.example").param("language", "en")).andReturn(), 400))
                .contains("Your name is required");
    }

    private static String body(MvcResult result) throws Exception {
        return body(result, 200);
    }

    private static String body(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
