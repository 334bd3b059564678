package eu.infosharing.governance.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Finding a field in a Camunda Forms schema, whose fields may sit in groups. */
final class FormSchema {

    private FormSchema() {
    }

    /** The component with this key (a field) or this id (text, groups), wherever it sits. */
    static Optional<ObjectNode> component(JsonNode node, String keyOrId) {
        for (JsonNode c : node.path("components")) {
            if (c instanceof ObjectNode o && (keyOrId.equals(o.path("key").asText(null)) || keyOrId.equals(o.path("id").asText(null)))) {
                return Optional.of(o);
            }
            Optional<ObjectNode> inner = component(c, keyOrId);
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    /** Sets the field's default value when the value is known and the form has the field. */
    static void prefill(ObjectNode schema, String key, String value) {
        if (value != null && !value.isBlank()) {
            component(schema, key).ifPresent(c -> c.put("defaultValue", value));
        }
    }
}
