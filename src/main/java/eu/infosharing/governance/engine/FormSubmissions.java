package eu.infosharing.governance.engine;

import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.process.FormContract;
import eu.infosharing.governance.process.FormField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Checks what a person submits with a form (starting a process, completing a task) against the form's contract:
 * only its input fields, each with the value its kind allows. Read-only fields that Tasklist sends back unchanged are
 * set aside, never written. Anything else is refused with the variable's name and the reason.
 */
final class FormSubmissions {

    /** Defaults when a form sets no maximum length. */
    static final int MAX_TEXT = 500;
    static final int MAX_TEXT_AREA = 4000;

    private FormSubmissions() {
    }

    /** What the submission carries that the form only shows (to be dropped), once every other entry passed. */
    static Set<String> check(FormContract form, Map<String, ?> variables, String what) {
        Set<String> shownOnly = new LinkedHashSet<>();
        if (variables == null) {
            return shownOnly;
        }
        List<String> problems = new ArrayList<>();
        for (String name : variables.keySet()) {
            Optional<FormField> field = form.field(name);
            Optional<String> problem;
            if (field.isEmpty()) {
                problem = Optional.of("is not a field of the form of " + what + " (form '" + form.id() + "'); a submission "
                        + "carries only the form's fields");
            } else if (field.get().shownOnly()) {
                shownOnly.add(name);
                problem = Optional.empty();
            } else {
                problem = valueProblem(field.get(), typed(variables, name));
            }
            problem.ifPresent(p -> problems.add("'" + name + "' " + p));
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRefused("Refused, nothing was changed: " + String.join("; ", problems));
        }
        return shownOnly;
    }

    /** The value of an entry with its declared type when the map knows it (engine REST sends typed values). */
    private static TypedValue typed(Map<String, ?> variables, String name) {
        if (variables instanceof VariableMap map) {
            return map.getValueTyped(name);
        }
        Object raw = variables.get(name);
        return raw instanceof TypedValue t ? t : org.camunda.bpm.engine.variable.Variables.untypedValue(raw);
    }

    static Optional<String> valueProblem(FormField field, TypedValue typed) {
        if (typed == null) {
            return Optional.empty();
        }
        ValueType type = typed.getType();
        if (type != null && !type.isPrimitiveValueType()) {
            return Optional.of("must be a plain value, not " + type.getName());
        }
        Object value = typed.getValue();
        if (value == null) {
            return Optional.empty();
        }
        return switch (field.kind()) {
            case TEXT -> text(value, field, false);
            case TEXT_AREA -> text(value, field, true);
            case CHOICE -> value instanceof String s && (s.isEmpty() || field.choices().contains(s)) ? Optional.empty()
                    : Optional.of("must be one of " + String.join(", ", field.choices()));
            case CHECKBOX -> value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
            case NUMBER -> wholeNumber(value) ? Optional.empty() : Optional.of("must be a whole number");
            case DATE -> value instanceof String s && (s.isEmpty() || StrictText.isoDate(s).isPresent()) ? Optional.empty()
                    : Optional.of("must be a date written as YYYY-MM-DD");
            case SHOWN -> Optional.of("is shown by the form and cannot be set");
        };
    }

    private static Optional<String> text(Object value, FormField field, boolean multiLine) {
        if (!(value instanceof String s)) {
            return Optional.of("must be text");
        }
        int max = field.maxLength() > 0 ? field.maxLength() : multiLine ? MAX_TEXT_AREA : MAX_TEXT;
        if (s.length() > max) {
            return Optional.of("is too long: at most " + max + " characters");
        }
        return multiLine ? StrictText.freeTextProblem(s) : StrictText.singleLineProblem(s);
    }

    private static boolean wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return true;
        }
        return value instanceof Double d && !d.isInfinite() && d == Math.rint(d) && Math.abs(d) < 1e15;
    }
}
