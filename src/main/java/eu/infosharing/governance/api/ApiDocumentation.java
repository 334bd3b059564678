package eu.infosharing.governance.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Swagger UI (/swagger-ui.html) and /v3/api-docs say about our API: its name, the version of this build, what it
 * is for, that every call needs HTTP Basic with a Camunda user, where it runs, and an example body for every write.
 */
@Configuration
public class ApiDocumentation {

    static final String SECURITY_SCHEME = "basicAuth";

    /** An example request body per write operation ("METHOD path" as springdoc names the path). */
    static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("POST /api/applications", """
                    {"arrangementCode": "CIDR",
                     "organisation": {"legalName": "Acme Bank", "legalForm": "NV", "enterpriseNumber": "0599.799.597",
                       "lei": "54930084UKLVMY22DS16", "participantType": "PRIVATE_COMPANY", "nis2Status": "ESSENTIAL",
                       "nis2Sector": "BANKING", "doraEntityType": "A", "doraLicence": "LESS_SIGNIFICANT_CREDIT_INSTITUTION",
                       "preferredLanguage": "nl"},
                     "contacts": [{"name": "Alice Peeters", "email": "alice@acme-bank.example", "phone": "+32 2 555 01 01"}],
                     "sponsors": ["0403.170.701"],
                     "motivation": "Our SOC wants to compare notes on DORA and NIS2 compliance."}"""),
            Map.entry("POST /api/memberships/{id}/withdrawal", """
                    {"reason": "We are leaving the sector", "requestedDate": "2027-03-31"}"""),
            Map.entry("POST /api/memberships/{id}/cessations", """
                    {"kind": "BREACH", "reason": "Shared TLP:RED information outside the community",
                     "evidence": "Report of 12 March by the Focus Group chair", "effectiveDate": null}"""),
            Map.entry("PUT /api/memberships/{id}/cessation/effective-date", """
                    {"effectiveDate": "2027-04-30", "reason": "The member asked for one more month to hand over"}"""),
            Map.entry("POST /api/memberships/{id}/authority-overrides", """
                    {"authorityCode": "ECB", "action": "ADD", "reason": "Significant credit institution under the SSM"}"""),
            Map.entry("PUT /api/memberships/{id}/notification-mode", """
                    {"mode": "PREPARE_ONLY"}"""),
            Map.entry("POST /api/notifications/{id}/acknowledgement", """
                    {"acknowledgedOn": "2026-12-03", "authorityReference": "NBB-2026-4711"}"""),
            Map.entry("POST /api/authorities", """
                    {"code": "ACM", "name": "Autoriteit Consument & Markt", "country": "NL", "regime": "NIS2",
                     "channel": "EMAIL", "channelAddress": "nis2@acm.example", "languages": ["nl", "en"],
                     "deadline": "P28D"}"""),
            Map.entry("PUT /api/authorities/{code}", """
                    {"channel": "HTTPS", "channelAddress": "https://intake.nbb.example/dora/art45",
                     "languages": ["nl", "fr", "en"], "deadline": "P28D", "active": true}"""),
            Map.entry("POST /api/arrangements/{code}/rules-revisions", """
                    {"versionLabel": "2.0", "text": "1. Information is shared under TLP 2.0 ...",
                     "effectiveDate": "2027-01-01", "changeSummary": "TLP 2.0 replaces TLP 1.0; a section on AI tools"}"""),
            Map.entry("POST /api/data-subject-requests", """
                    {"kind": "ACCESS", "organisationId": 1, "subjectEmail": "alice@acme-bank.example",
                     "subjectName": "Alice Peeters", "details": "She asks for a copy of what is held about her"}"""),
            Map.entry("POST /api/account-requests", """
                    {"name": "Noor Janssens", "organisation": "Polder Water NV", "email": "noor@polderwater.example",
                     "language": "nl"}"""),
            Map.entry("POST /api/account-requests/verification", """
                    {"token": "the token of the link mailed to the address"}"""),
            Map.entry("POST /api/account-requests/password", """
                    {"token": "the token of the link mailed after acceptance", "password": "Chosen-by-Noor-2026"}"""));

    /** The public steps of Apply to join, which a person takes before having an account. */
    private static final String PUBLIC_PATHS = "/api/account-requests";

    @Bean
    OpenAPI governanceApi(ObjectProvider<BuildProperties> build, @Value("${governance.public-url}") String publicUrl) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties != null ? properties.getVersion() : "development build";
        return new OpenAPI()
                .info(new Info().title("Arrangement Governance API").version(version).description("""
                        The membership lifecycle of cybersecurity information-sharing arrangements (NIS2 Art. 29, \
                        DORA Art. 45): applications, memberships and their history, notifications of the competent \
                        authorities, withdrawals and cessations, rules-of-conduct revisions, data-subject requests and \
                        the audit trail.

                        Every call but the public steps of Apply to join (`/api/account-requests`) needs HTTP Basic \
                        with a Camunda user, the same user as in Tasklist; what a caller \
                        sees and may do follows its groups (members see their own organisation only). Errors are \
                        `application/problem+json` naming each bad field. The engine's own REST API \
                        (`/engine-rest`) is Camunda's and is not described here."""))
                .servers(List.of(new Server().url(publicUrl).description("This installation (governance.public-url)")))
                .components(new Components().addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A Camunda user's name and password, as for Tasklist")))
                .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
    }

    /** Puts the example of {@link #EXAMPLES} on each write operation's JSON request body; public steps need no login. */
    @Bean
    OpenApiCustomizer writeExamples() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (path.startsWith(PUBLIC_PATHS)) {
                operation.setSecurity(List.of());
            }
            String example = EXAMPLES.get(method + " " + path);
            if (example != null) {
                exampleOf(operation, example);
            }
        }));
    }

    private static void exampleOf(Operation operation, String json) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        for (MediaType media : operation.getRequestBody().getContent().values()) {
            media.addExamples("example", new Example().summary("A typical request").value(parse(json)));
        }
    }

    private static Object parse(String json) {
        try {
            return io.swagger.v3.core.util.Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An example of the API documentation is not JSON: " + json, e);
        }
    }
}
