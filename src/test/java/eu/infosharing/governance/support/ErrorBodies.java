package eu.infosharing.governance.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/** What an error body may show a client: words, never SQL, tables, Java classes, drivers, the pool or a stack. */
public final class ErrorBodies {

    /** What a client must never read: SQL, the engine's tables, Java packages and classes, drivers, the pool, stacks. */
    public static final Pattern INTERNALS = Pattern.compile("(?i)\\bselect\\b.*\\bfrom\\b|\\binsert\\s+into\\b"
            + "|\\bupdate\\s+\\w+\\s+set\\b|\\bdelete\\s+from\\b|\\bACT_[A-Z]{2}_|sqlstate|###|jdbc|hikari|postgres|\\bh2\\b"
            + "|\\bat (org|java|eu)\\.|\\b(org|java|javax|jakarta|com|eu)\\.[a-z]+\\.|(?-i:[A-Z]\\w*(Exception|Error)\\b)|Entity\\[");

    /** The "type" engine REST names: Camunda's exception types, which its REST reference lists, or one of our problems. */
    public static final Set<String> CAMUNDA_TYPES = Set.of("InvalidRequestException", "RestException", "AuthorizationException",
            "ProcessEngineException", "ProcessEnginePersistenceException", "NotFoundException", "NullValueException",
            "BadUserRequestException", "NotAllowedException", "NotSupportedException", "NotAcceptableException",
            "WebApplicationException", "ParseException");

    private ErrorBodies() {
    }

    /** Every text of the body is free of internals; "type" is Camunda's protocol name or one of our problems. */
    public static JsonNode assertNothingInternal(ObjectMapper json, String body) throws IOException {
        assertThat(body).as("an error body").isNotBlank();
        JsonNode tree = json.readTree(body);
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("type")) {
                assertThat(tree.get(name).asText()).as(body)
                        .matches(t -> CAMUNDA_TYPES.contains(t) || t.startsWith("urn:arrangement-governance:problem:"));
            } else {
                assertThat(INTERNALS.matcher(tree.get(name).toString()).find()).as(name + " shows internals: " + body).isFalse();
            }
        }
        return tree;
    }
}
