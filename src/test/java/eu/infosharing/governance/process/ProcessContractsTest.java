package eu.infosharing.governance.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The contracts in eu.infosharing.governance.process against what they describe: the models of bpmn/ (their key,
 * element ids, user tasks and the forms they name, messages, every variable their expressions read) and the forms of
 * forms/ (each field's key, kind, read-only flag, required flag, maximum length and choices). A model or form that
 * changes without its contract fails here, before the trust boundary enforces an outdated contract.
 */
@SpringBootTest
@ActiveProfiles("test")
class ProcessContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An identifier at the start of an expression, or after an operator: a variable or a bean. */
    private static final Pattern ROOT_IDENTIFIER = Pattern.compile("(?<![.\\w'&])([a-zA-Z_]\\w*)(?!\\w|\\s*\\()");
    private static final Set<String> IMPLICIT = Set.of("execution", "task", "true", "false", "null", "empty", "not", "and",
            "or", "eq", "ne", "lt", "gt", "le", "ge", "size");

    @Autowired
    ApplicationContext context;

    static Stream<ProcessContract> contracts() {
        return ProcessContracts.ALL.stream();
    }

    @Test
    void everyModelOfBpmnHasAContract() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpmn"))
                    .map(n -> n.replace(".bpmn", "")).toList())
                    .containsExactlyInAnyOrderElementsOf(ProcessContracts.ALL.stream().map(ProcessContract::key).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void theContractNamesTheModelsUserTasksFormsAndMessages(ProcessContract contract) {
        BpmnModelInstance model = model(contract);
        Process process = model.getModelElementById(contract.key());
        assertThat(process).as("process id = file name").isNotNull();

        Map<String, String> userTasks = new HashMap<>();
        model.getModelElementsByType(UserTask.class).forEach(t -> userTasks.put(t.getId(), t.getAttributeValueNs(
                "http://camunda.org/schema/1.0/bpmn", "formRef")));
        assertThat(contract.userTasks().keySet()).containsExactlyInAnyOrderElementsOf(userTasks.keySet());
        contract.userTasks().values().forEach(t -> assertThat(userTasks.get(t.elementId())).as(t.elementId())
                .isEqualTo(t.form().id()));
        // a former user task is one the current model no longer has (else it would be a user task of the contract)
        contract.formerUserTasks().keySet().forEach(former -> assertThat(userTasks).as("former user task").doesNotContainKey(former));

        StartEvent start = model.getModelElementsByType(StartEvent.class).stream()
                .filter(s -> s.getParentElement() == process).findFirst().orElseThrow();
        assertThat(Stream.ofNullable(start.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef")).toList())
                .as("start form").isEqualTo(contract.startForm().map(FormContract::id).stream().toList());
        // nobody is offered the start of a process that only the product starts
        assertThat(process.isCamundaStartableInTasklist()).as("startable in Tasklist").isEqualTo(contract.startableByPeople());

        assertThat(model.getModelElementsByType(Message.class).stream().map(Message::getName).toList())
                .containsExactlyInAnyOrderElementsOf(contract.messages());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void theElementIdConstantsExistInTheModel(ProcessContract contract) throws IllegalAccessException {
        BpmnModelInstance model = model(contract);
        Set<String> flowNodes = model.getModelElementsByType(FlowNode.class).stream().map(BaseElement::getId)
                .collect(Collectors.toSet());
        List<String> constants = new ArrayList<>();
        for (Field f : contractClass(contract).getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && ((String) f.get(null)).contains("_")
                    && Character.isUpperCase(((String) f.get(null)).charAt(0))) {
                constants.add((String) f.get(null));
            }
        }
        assertThat(constants).isNotEmpty();
        assertThat(flowNodes).containsAll(constants);
        assertThat(constants).as("every flow node is named in the contract").containsAll(flowNodes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void everyVariableTheModelReadsIsDeclaredOrABean(ProcessContract contract) throws IOException {
        String xml = Files.readString(Path.of("bpmn", contract.key() + ".bpmn"));
        Set<String> referenced = new LinkedHashSet<>();
        Matcher expressions = Pattern.compile("[$#]\\{([^}]*)}").matcher(xml);
        while (expressions.find()) {
            Matcher id = ROOT_IDENTIFIER.matcher(expressions.group(1).replaceAll("'[^']*'", "''"));
            while (id.find()) {
                referenced.add(id.group(1));
            }
        }
        for (String attribute : List.of("source", "target", "elementVariable", "resultVariable", "initiator")) {
            Matcher m = Pattern.compile("camunda:" + attribute + "=\"(\\w+)\"|\\s" + attribute + "=\"(\\w+)\"").matcher(xml);
            while (m.find()) {
                referenced.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        Matcher input = Pattern.compile("camunda:inputParameter name=\"(\\w+)\"").matcher(xml);
        while (input.find()) {
            referenced.add(input.group(1));
        }
        referenced.removeAll(IMPLICIT);
        List<String> unknown = referenced.stream()
                .filter(name -> !contract.variables().containsKey(name) && !context.containsBean(name)).toList();
        assertThat(unknown).as("names in " + contract.key() + ".bpmn that are neither declared variables nor beans").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void formFieldsAreDeclaredAndPeopleNeverWriteTheProcesssOwnVariables(ProcessContract contract) {
        for (UserTaskContract task : contract.userTasks().values()) {
            for (FormField field : task.form().fields()) {
                ProcessVariable<?> declared = contract.variables().get(field.key());
                assertThat(declared).as(task.elementId() + " field " + field.key() + " is declared").isNotNull();
                if (!field.shownOnly()) {
                    assertThat(declared.writer()).as(task.elementId() + " input " + field.key() + " is a form variable")
                            .isEqualTo(ProcessVariable.Writer.FORM);
                }
            }
            assertThat(task.form().inputs()).as("prefilled fields are inputs").containsAll(task.prefilled());
        }
        // a variable declared as written by a form is a field of one of the model's forms
        Set<String> inputs = new LinkedHashSet<>();
        contract.startForm().ifPresent(f -> inputs.addAll(f.inputs()));
        contract.userTasks().values().forEach(t -> inputs.addAll(t.form().inputs()));
        Set<String> formWritten = contract.variables().values().stream().filter(v -> v.writer() == ProcessVariable.Writer.FORM)
                .map(ProcessVariable::name).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> sharedFieldsNotOnTheseForms = new LinkedHashSet<>(formWritten);
        sharedFieldsNotOnTheseForms.removeAll(inputs);
        // the organisation fields are shared by the application, amendment and review forms: each model has some of them
        Set<String> organisationFields = ApplicationFields.all().stream().map(ProcessVariable::name).collect(Collectors.toSet());
        sharedFieldsNotOnTheseForms.removeAll(organisationFields);
        assertThat(sharedFieldsNotOnTheseForms).as("form variables no form of " + contract.key() + " has").isEmpty();
    }

    @Test
    void everyFormContractIsTheFormFile() throws Exception {
        Map<String, FormContract> contracts = new HashMap<>();
        for (Field f : Forms.class.getFields()) {
            FormContract form = (FormContract) f.get(null);
            contracts.put(form.id(), form);
        }
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            List<Path> forms = files.filter(p -> p.toString().endsWith(".form")).toList();
            assertThat(forms).hasSize(contracts.size());
            for (Path file : forms) {
                JsonNode schema = JSON.readTree(file.toFile());
                FormContract contract = contracts.get(schema.get("id").asText());
                assertThat(contract).as(file + " has a contract in Forms").isNotNull();
                assertThat(fieldsOf(schema)).as(file.toString()).containsExactlyElementsOf(contract.fields());
            }
        }
    }

    // --- reading the files ------------------------------------------------------------------------------------------

    private static BpmnModelInstance model(ProcessContract contract) {
        return Bpmn.readModelFromFile(Path.of("bpmn", contract.key() + ".bpmn").toFile());
    }

    private static Class<?> contractClass(ProcessContract contract) {
        return Stream.of(OnboardingProcess.class, CessationProcess.class, NotificationProcess.class, RulesRevisionProcess.class,
                RulesAcceptanceProcess.class,
                AnnualReviewProcess.class, AuthoritySearchProcess.class, AcknowledgementProcess.class,
                DataSubjectRequestProcess.class, AccountRequestProcess.class).filter(c -> {
                    try {
                        return c.getField("CONTRACT").get(null) == contract;
                    } catch (ReflectiveOperationException e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
    }

    /** The fields of a form-js schema as the contract describes them, in the order of the form. */
    private static List<FormField> fieldsOf(JsonNode container) {
        List<FormField> fields = new ArrayList<>();
        for (JsonNode c : container.path("components")) {
            String type = c.path("type").asText();
            if (type.equals("group") || type.equals("dynamiclist")) {
                fields.addAll(fieldsOf(c));
                continue;
            }
            if (!c.has("key") || Set.of("text", "spacer", "separator", "html", "image", "button").contains(type)) {
                continue;
            }
            String key = c.get("key").asText();
            JsonNode validate = c.path("validate");
            boolean required = validate.path("required").asBoolean(false);
            int max = validate.path("maxLength").asInt(0);
            if (c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)) {
                fields.add(new FormField(key, FormField.Kind.SHOWN, true, false, 0, List.of()));
                continue;
            }
            List<String> choices = new ArrayList<>();
            c.path("values").forEach(v -> choices.add(v.path("value").asText()));
            FormField.Kind kind = switch (type) {
                case "textfield" -> FormField.Kind.TEXT;
                case "textarea" -> FormField.Kind.TEXT_AREA;
                case "select", "radio" -> FormField.Kind.CHOICE;
                case "checkbox" -> FormField.Kind.CHECKBOX;
                case "number" -> FormField.Kind.NUMBER;
                case "datetime" -> {
                    assertThat(c.path("subtype").asText()).as(key + " is a date field").isEqualTo("date");
                    yield FormField.Kind.DATE;
                }
                default -> throw new AssertionError("A form field of type " + type + " has no kind in FormField: " + key);
            };
            fields.add(new FormField(key, kind, false, required, kind == FormField.Kind.TEXT || kind == FormField.Kind.TEXT_AREA
                    ? max : 0, choices));
        }
        return fields;
    }
}
