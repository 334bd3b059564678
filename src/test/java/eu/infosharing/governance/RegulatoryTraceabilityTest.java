package eu.infosharing.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/regulatory-traceability.md maps each obligation to what implements it and what proves it. Every model element,
 * decision rule, class and test method it names must exist: a renamed task or a deleted test breaks the matrix here,
 * not silently in front of an auditor.
 */
class RegulatoryTraceabilityTest {

    private static final Path MATRIX = Path.of("docs", "regulatory-traceability.md");
    private static final Pattern REFERENCE = Pattern.compile("`(test|class|decision|[a-z-]+):([A-Za-z0-9_#]+)`");

    @Test
    void everyNamedElementClassAndTestExists() throws IOException {
        // the table and the notes under it; the introduction's examples of the notation are not references
        String matrix = String.join("\n", Files.readAllLines(MATRIX).stream()
                .filter(l -> l.startsWith("| ") || l.startsWith("- ") || l.startsWith("  ")).toList());
        Set<String> references = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(matrix);
        while (m.find()) {
            references.add(m.group(1) + ":" + m.group(2));
        }
        assertThat(references).as("the matrix names what implements and proves each obligation").hasSizeGreaterThan(40);

        List<String> missing = new ArrayList<>();
        for (String reference : references) {
            String kind = reference.substring(0, reference.indexOf(':'));
            String name = reference.substring(reference.indexOf(':') + 1);
            boolean exists = switch (kind) {
                case "test" -> testMethodExists(name);
                case "class" -> sourceFile(Path.of("src", "main", "java"), name) != null;
                case "decision" -> decisionRuleExists(name);
                default -> modelElementExists(kind, name);
            };
            if (!exists) {
                missing.add(reference);
            }
        }
        assertThat(missing).as("named in " + MATRIX + " but gone").isEmpty();
    }

    @Test
    void everyObligationNamesItsSource() throws IOException {
        List<String> rows = Files.readAllLines(MATRIX).stream()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| obligation") && !l.startsWith("|---")).toList();
        assertThat(rows).isNotEmpty().allSatisfy(row ->
                assertThat(row.split("\\|")[2]).as(row).containsPattern("NIS2|DORA|GDPR|TFEU"));
    }

    private static boolean modelElementExists(String model, String elementId) {
        Path file = Path.of("bpmn", model + ".bpmn");
        try {
            return Files.exists(file) && Files.readString(file).contains("id=\"" + elementId + "\"");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean decisionRuleExists(String ruleId) throws IOException {
        try (Stream<Path> decisions = Files.list(Path.of("bpmn"))) {
            return decisions.filter(p -> p.toString().endsWith(".dmn")).anyMatch(p -> {
                try {
                    return Files.readString(p).contains("<rule id=\"" + ruleId + "\"");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static boolean testMethodExists(String reference) throws IOException {
        String[] parts = reference.split("#");
        Path file = sourceFile(Path.of("src", "test", "java"), parts[0]);
        return file != null && Pattern.compile("\\bvoid " + Pattern.quote(parts[1]) + "\\(").matcher(Files.readString(file)).find();
    }

    private static Path sourceFile(Path root, String simpleName) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals(simpleName + ".java")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
