package eu.infosharing.governance.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.arrangement.Arrangement;
import eu.infosharing.governance.arrangement.ArrangementRepository;
import eu.infosharing.governance.cessation.Cessation;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.notification.AuthoritySearch;
import eu.infosharing.governance.onboarding.ReviewDecision;
import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.DoraLicence;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.organisation.ParticipantType;
import eu.infosharing.governance.privacy.DataSubjectRequest;
import eu.infosharing.governance.revision.AnnualReviewService;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Lints the models of bpmn/ and the forms of forms/ against the code that runs them, for what ProcessContractsTest
 * (which checks the contracts) does not: every bean a model calls exists and is what the model uses it as, every
 * method or property a model's expression reads exists; every choice a form offers is a value the Java side knows;
 * every user task has a form, a candidate group and a due date; every exclusive gateway always knows where to go;
 * every element id named in code and tests exists in a model. A model, form or class changed on one side only
 * fails here, not in front of a person.
 */
@SpringBootTest
@ActiveProfiles("test")
public class ModelLintTest {

    /**
     * User tasks that wait on a person without a due date, each with the reason. Any other user task must carry one
     * (from the model's camunda:dueDate or its create listener): ProcessTestSupport fails a process test in which a
     * task not listed here is created without a due date, and the process tests create every task (coverage 100 %).
     */
    public static final Map<String, String> WAITS_WITHOUT_DUE_DATE = Map.of();

    /**
     * The choice fields whose options are not a Java enum or table, with the reason; their values are still checked
     * where a model's gateway routes on them (everyChoiceAGatewayReadsIsRoutedByTheGateway).
     */
    private static final Map<String, String> CHOICES_WITHOUT_JAVA_TYPE = Map.of(
            "country", "ISO 3166 codes of the EU member states where a member may be established; the competent-authorities "
                    + "DMN decides per country and the authority registry keeps country as free text (EU for Union bodies)",
            "lawfulBasis", "GDPR Art. 6(1) bases the DPO records as text in the review decision's evidence",
            "reviewDecision", "routed by the annual-review model's gateway only",
            "acknowledgementDecision", "routed by the notification-acknowledgement model's gateway only",
            "followUpDecision", "routed by the authority-notification model's gateway only",
            "endorsementDecision", "routed by the onboarding model's gateway only",
            "sponsorFollowUpDecision", "routed by the onboarding model's gateway only");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** A bean's member read by an expression: bean.member, or bean.member( for a method call. */
    private static final Pattern MEMBER = Pattern.compile("(?<![.\\w'])([a-zA-Z_]\\w*)\\.([a-zA-Z_]\\w*)(\\s*\\()?");
    /** A delegateExpression and the element it is on: a service task's JavaDelegate or a listener. */
    private static final Pattern DELEGATE = Pattern.compile("<([\\w:]+)\\s[^>]*?\\bdelegateExpression=\"\\$\\{(\\w+)}\"");
    /** The ids our models use for flow nodes, as a string literal of Java code. */
    private static final Pattern ELEMENT_ID_LITERAL = Pattern.compile("\"((?:Task|ServiceTask|Gateway|EventGateway|StartEvent|EndEvent|"
            + "BoundaryEvent|SubProcess|CallActivity|BusinessRuleTask|MessageCatch|TimerCatch|SequenceFlow)_\\w+)\"");

    @Autowired
    ApplicationContext context;
    @Autowired
    ArrangementRepository arrangements;

    static Stream<ProcessContract> contracts() {
        return ProcessContracts.ALL.stream();
    }

    // --- beans ------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void everyDelegateBeanTheModelNamesExistsAndIsWhatTheElementCallsItAs(ProcessContract contract) throws IOException {
        String xml = xml(contract);
        Matcher d = DELEGATE.matcher(xml);
        List<String> problems = new ArrayList<>();
        int found = 0;
        while (d.find()) {
            found++;
            String element = d.group(1);
            String bean = d.group(2);
            Class<?> expected = switch (element) {
                case "camunda:taskListener" -> TaskListener.class;
                case "camunda:executionListener" -> ExecutionListener.class;
                default -> JavaDelegate.class;
            };
            if (!context.containsBean(bean)) {
                problems.add(bean + " (on " + element + ") is no bean");
            } else if (!context.isTypeMatch(bean, expected)) {
                problems.add(bean + " (on " + element + ") is no " + expected.getSimpleName() + " but " + context.getType(bean));
            }
        }
        assertThat(found).as("delegate expressions in " + contract.key()).isPositive();
        assertThat(problems).as(contract.key() + ".bpmn").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void everyMethodOrPropertyOfABeanTheModelReadsExists(ProcessContract contract) throws IOException {
        List<String> problems = new ArrayList<>();
        for (String expression : expressions(xml(contract))) {
            Matcher m = MEMBER.matcher(expression.replaceAll("'[^']*'", "''"));
            while (m.find()) {
                String root = m.group(1);
                if (contract.variables().containsKey(root) || !context.containsBean(root)) {
                    continue; // a variable's members are its own type's; unknown roots fail ProcessContractsTest
                }
                Class<?> type = context.getType(root);
                String member = m.group(2);
                boolean call = m.group(3) != null;
                if (!(call ? hasMethod(type, member) : hasProperty(type, member))) {
                    problems.add("${" + expression + "}: " + type.getName() + " has no " + (call ? "method " : "property ") + member);
                }
            }
        }
        assertThat(problems).as(contract.key() + ".bpmn").isEmpty();
    }

    @Test
    void everyDecisionABusinessRuleTaskEvaluatesIsAModelOfBpmn() throws IOException {
        Set<String> decisions = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path dmn : files.filter(p -> p.toString().endsWith(".dmn")).toList()) {
                Matcher id = Pattern.compile("<decision id=\"([^\"]+)\"").matcher(Files.readString(dmn));
                while (id.find()) {
                    decisions.add(id.group(1));
                }
            }
        }
        Set<String> referenced = new TreeSet<>();
        for (ProcessContract contract : ProcessContracts.ALL) {
            Matcher ref = Pattern.compile("camunda:decisionRef=\"([^\"]+)\"").matcher(xml(contract));
            while (ref.find()) {
                referenced.add(ref.group(1));
            }
        }
        assertThat(referenced).isNotEmpty();
        assertThat(decisions).containsAll(referenced);
    }

    // --- forms ------------------------------------------------------------------------------------------------------

    @Test
    void everyChoiceAFormOffersIsAValueTheCodeKnows() throws IOException {
        Map<String, Set<String>> javaValues = new LinkedHashMap<>();
        javaValues.put("participantType", names(ParticipantType.values()));
        javaValues.put("nis2Status", names(Nis2Status.values()));
        javaValues.put("nis2Sector", names(Nis2Sector.values()));
        // NONE: the organisation is no DORA financial entity (the organisation keeps no entity type then)
        javaValues.put("doraEntityType", with(names(DoraEntityType.values()), "NONE"));
        javaValues.put("doraLicence", names(DoraLicence.values()));
        javaValues.put("preferredLanguage", names(Language.values()));
        javaValues.put("notificationMode", names(NotificationMode.values()));
        javaValues.put("arrangementCode", arrangements.findAll().stream().map(Arrangement::getCode).collect(Collectors.toSet()));
        javaValues.put("cessationKind", names(Cessation.Kind.values()));
        javaValues.put("breachDecision", names(Cessation.BreachDecision.values()));
        javaValues.put("dsrOutcome", names(DataSubjectRequest.Outcome.values()));
        javaValues.put("concernDecision", names(AnnualReviewService.ConcernDecision.values()));
        javaValues.put("authorityFinding", names(AuthoritySearch.Finding.values()));
        javaValues.put("accountDecision", names(eu.infosharing.governance.onboarding.AccountRequests.Decision.values()));
        // the three reviews of an application record a subset of the decisions (AUTOMATIC_PASS is the product's own)
        Set<String> reviewDecisions = names(ReviewDecision.Decision.values());

        List<String> problems = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (Map.Entry<Path, List<FormField>> form : choiceFields().entrySet()) {
            for (FormField field : form.getValue()) {
                String where = form.getKey().getFileName() + " " + field.key();
                Set<String> offered = new LinkedHashSet<>(field.choices());
                if (offered.size() != field.choices().size()) {
                    problems.add(where + " offers a value twice: " + field.choices());
                }
                if (javaValues.containsKey(field.key())) {
                    checked.add(field.key());
                    if (!offered.equals(javaValues.get(field.key()))) {
                        problems.add(where + " offers " + new TreeSet<>(offered) + " but the code knows "
                                + new TreeSet<>(javaValues.get(field.key())));
                    }
                } else if (field.key().endsWith("Decision") && Set.of("vettingDecision", "gdprDecision", "legalDecision").contains(field.key())) {
                    checked.add(field.key());
                    if (!reviewDecisions.containsAll(offered)) {
                        problems.add(where + " offers " + offered + " beyond ReviewDecision.Decision " + reviewDecisions);
                    }
                } else if (!CHOICES_WITHOUT_JAVA_TYPE.containsKey(field.key())) {
                    problems.add(where + " is a choice that neither a Java type nor the listed exceptions account for");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("every Java type above is offered by a form").containsAll(javaValues.keySet());
    }

    /**
     * A gateway without a default flow that routes on a form's choice takes a flow for every option the form offers
     * (conditions compare the field with == or != to a quoted value; other terms of a condition are left aside).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void everyChoiceAGatewayRoutesOnLeadsSomewhere(ProcessContract contract) {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        contract.startForm().ifPresent(f -> choicesOf(f, choices));
        contract.userTasks().values().forEach(t -> choicesOf(t.form(), choices));
        List<String> problems = new ArrayList<>();
        int routed = 0;
        for (ExclusiveGateway gateway : model(contract).getModelElementsByType(ExclusiveGateway.class)) {
            if (gateway.getDefault() != null) {
                continue;
            }
            List<String> conditions = gateway.getOutgoing().stream().filter(f -> f.getConditionExpression() != null)
                    .map(f -> f.getConditionExpression().getTextContent()).toList();
            for (Map.Entry<String, List<String>> field : choices.entrySet()) {
                Pattern comparison = Pattern.compile("(?<![.\\w])" + field.getKey() + "\\s*(==|!=)\\s*'([^']*)'");
                if (conditions.stream().noneMatch(c -> comparison.matcher(c).find())) {
                    continue;
                }
                routed++;
                for (String value : field.getValue()) {
                    boolean leads = conditions.stream().anyMatch(c -> {
                        Matcher m = comparison.matcher(c);
                        boolean holds = true;
                        while (m.find()) {
                            holds &= m.group(1).equals("==") == m.group(2).equals(value);
                        }
                        return holds;
                    });
                    if (!leads) {
                        problems.add(gateway.getId() + ": " + field.getKey() + " = " + value + " takes no flow");
                    }
                }
            }
        }
        assertThat(problems).as(contract.key() + ".bpmn").isEmpty();
        if (contract.key().equals(OnboardingProcess.KEY)) {
            assertThat(routed).as("gateways of the onboarding routing on a choice").isPositive();
        }
    }

    private static void choicesOf(FormContract form, Map<String, List<String>> into) {
        form.fields().stream().filter(f -> f.kind() == FormField.Kind.CHOICE).forEach(f -> into.put(f.key(), f.choices()));
    }

    // --- user tasks and gateways ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void everyUserTaskHasAFormACandidateGroupAndADueDateSource(ProcessContract contract) throws IOException {
        Set<String> formIds = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                formIds.add(JSON.readTree(f.toFile()).get("id").asText());
            }
        }
        List<String> problems = new ArrayList<>();
        for (UserTask task : model(contract).getModelElementsByType(UserTask.class)) {
            String id = task.getId();
            String form = task.getAttributeValueNs(CAMUNDA, "formRef");
            if (form == null || !formIds.contains(form)) {
                problems.add(id + " has no form of forms/: " + form);
            }
            if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
                problems.add(id + " names no candidate group");
            }
            boolean createListener = task.getExtensionElements() != null && task.getExtensionElements()
                    .getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                    .anyMatch(l -> TaskListener.EVENTNAME_CREATE.equals(l.getCamundaEvent()));
            if (task.getCamundaDueDate() == null && !createListener && !WAITS_WITHOUT_DUE_DATE.containsKey(id)) {
                problems.add(id + " has neither a camunda:dueDate nor a create listener to set one");
            }
        }
        assertThat(problems).as(contract.key() + ".bpmn").isEmpty();
    }

    /**
     * Tasklist's Description tab shows the task's description, which the engine takes from the user task's
     * documentation: every user task says what it is for, what each decision leads to, and when it is due. The
     * documentation is an expression to the engine, so it must not hold one by accident.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void everyUserTaskDescribesItsPurposeAndItsDeadline(ProcessContract contract) throws IOException {
        List<String> problems = new ArrayList<>();
        for (UserTask task : model(contract).getModelElementsByType(UserTask.class)) {
            String text = task.getDocumentations().stream().map(d -> d.getTextContent().strip())
                    .collect(Collectors.joining(" ")).strip();
            if (text.length() < 80) {
                problems.add(task.getId() + " has no description of a sentence or two: '" + text + "'");
            } else if (!text.matches("(?s).*\\bDue\\b.*")) {
                problems.add(task.getId() + " does not say when it is due: " + text);
            } else if (text.contains("${") || text.contains("#{")) {
                problems.add(task.getId() + " has an expression in its description: " + text);
            }
        }
        assertThat(problems).as(contract.key() + ".bpmn").isEmpty();
    }

    @Test
    void theTasksWaitingWithoutADueDateAreUserTasksOfTheModels() {
        Set<String> userTasks = ProcessContracts.ALL.stream().flatMap(c -> c.userTasks().keySet().stream()).collect(Collectors.toSet());
        assertThat(userTasks).containsAll(WAITS_WITHOUT_DUE_DATE.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void everyExclusiveGatewayThatBranchesHasADefaultOrAConditionOnEveryFlow(ProcessContract contract) {
        BpmnModelInstance model = model(contract);
        List<String> problems = new ArrayList<>();
        List<BaseElement> gateways = new ArrayList<>(model.getModelElementsByType(ExclusiveGateway.class));
        gateways.addAll(model.getModelElementsByType(InclusiveGateway.class));
        for (BaseElement gateway : gateways) {
            var outgoing = gateway instanceof ExclusiveGateway x ? x.getOutgoing() : ((InclusiveGateway) gateway).getOutgoing();
            SequenceFlow defaultFlow = gateway instanceof ExclusiveGateway x ? x.getDefault() : ((InclusiveGateway) gateway).getDefault();
            if (outgoing.size() < 2) {
                continue;
            }
            for (SequenceFlow flow : outgoing) {
                if (flow != defaultFlow && (flow.getConditionExpression() == null
                        || flow.getConditionExpression().getTextContent().isBlank())) {
                    problems.add(gateway.getId() + " -> " + flow.getId() + " has no condition and is not the default");
                }
            }
        }
        assertThat(problems).as(contract.key() + ".bpmn").isEmpty();
    }

    // --- ids in code ------------------------------------------------------------------------------------------------

    @Test
    void everyElementIdNamedInCodeOrTestsExistsInAModel() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (ProcessContract contract : ProcessContracts.ALL) {
            Matcher id = Pattern.compile("\\sid=\"([^\"]+)\"").matcher(xml(contract));
            while (id.find()) {
                ids.add(id.group(1));
            }
        }
        Map<String, String> unknown = new LinkedHashMap<>();
        int named = 0;
        for (String root : List.of("src/main/java", "src/test/java", "src/main/resources/static", "docs")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(p -> p.toString().matches(".*\\.(java|js|html|md)$")).toList()) {
                    Matcher literal = ELEMENT_ID_LITERAL.matcher(Files.readString(file));
                    while (literal.find()) {
                        named++;
                        if (!ids.contains(literal.group(1))) {
                            unknown.put(literal.group(1), file.toString());
                        }
                    }
                }
            }
        }
        assertThat(named).as("element ids named in code").isPositive();
        assertThat(unknown).as("element ids named in code that no model has").isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static String xml(ProcessContract contract) throws IOException {
        return Files.readString(Path.of("bpmn", contract.key() + ".bpmn"));
    }

    private static BpmnModelInstance model(ProcessContract contract) {
        return Bpmn.readModelFromFile(Path.of("bpmn", contract.key() + ".bpmn").toFile());
    }

    private static List<String> expressions(String xml) {
        List<String> found = new ArrayList<>();
        Matcher e = Pattern.compile("[$#]\\{([^}]*)}").matcher(xml.replace("&#39;", "'").replace("&quot;", "\""));
        while (e.find()) {
            found.add(e.group(1));
        }
        return found;
    }

    private static boolean hasMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name) && !Modifier.isStatic(m.getModifiers()));
    }

    private static boolean hasProperty(Class<?> type, String name) {
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return Arrays.stream(type.getMethods()).map(Method::getName)
                .anyMatch(n -> n.equals("get" + capitalised) || n.equals("is" + capitalised));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> with(Set<String> values, String extra) {
        Set<String> all = new LinkedHashSet<>(values);
        all.add(extra);
        return all;
    }

    /** The choice fields of every form file, by file. */
    private static Map<Path, List<FormField>> choiceFields() throws IOException {
        Map<Path, List<FormField>> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                List<FormField> choices = new ArrayList<>();
                collectChoices(JSON.readTree(f.toFile()), choices);
                all.put(f, choices);
            }
        }
        return all;
    }

    private static void collectChoices(JsonNode container, List<FormField> into) {
        for (JsonNode c : container.path("components")) {
            if (c.has("components")) {
                collectChoices(c, into);
            }
            if (c.has("values") && c.has("key")) {
                List<String> values = new ArrayList<>();
                c.path("values").forEach(v -> values.add(v.path("value").asText()));
                into.add(new FormField(c.get("key").asText(), FormField.Kind.CHOICE, false, false, 0, values));
            }
        }
    }
}
