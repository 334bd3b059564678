package eu.infosharing.governance.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * In the engine's command chain, after the trust boundary: the Camunda Forms schema of a start form, as the engine
 * reads it from the deployment, goes through the {@link StartFormPersonaliser}s of its form for the person who asked.
 * Every door that reads a start form (Tasklist, engine REST) ends in this one command.
 */
final class StartFormSchemas extends CommandInterceptor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<List<StartFormPersonaliser>> personalisers;

    StartFormSchemas(Supplier<List<StartFormPersonaliser>> personalisers) {
        this.personalisers = personalisers;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (!(command instanceof GetDeployedStartFormCmd) || !(result instanceof InputStream form)) {
            return result;
        }
        try (form) {
            byte[] bytes = form.readAllBytes();
            JsonNode schema = JSON.readTree(bytes);
            List<StartFormPersonaliser> mine = schema instanceof ObjectNode
                    ? personalisers.get().stream().filter(p -> p.formId().equals(schema.path("id").asText())).toList()
                    : List.of();
            if (mine.isEmpty()) {
                return (T) new ByteArrayInputStream(bytes);
            }
            mine.forEach(p -> p.personalise((ObjectNode) schema));
            return (T) new ByteArrayInputStream(JSON.writeValueAsBytes(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
