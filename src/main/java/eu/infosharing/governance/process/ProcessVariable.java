package eu.infosharing.governance.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A variable of a process model: its name, its type, and who writes it. Delegates, listeners and tests read and
 * write it through this object (as camunda-bpm-data's VariableFactory does), never through a string of their own.
 *
 * @param <T> the Java type the process keeps
 */
public final class ProcessVariable<T> {

    /** Who may write the variable. */
    public enum Writer {
        /** Only the product's own services and delegates: a person's submission never carries it. */
        PROCESS,
        /** A person, through a field of the start form or of a task's form (and nothing else). */
        FORM
    }

    private final String name;
    private final Class<T> type;
    private final Writer writer;

    private ProcessVariable(String name, Class<T> type, Writer writer) {
        this.name = name;
        this.type = type;
        this.writer = writer;
    }

    /** Written by the process itself (our services): refused from any person. */
    public static <T> ProcessVariable<T> byProcess(String name, Class<T> type) {
        return new ProcessVariable<>(name, type, Writer.PROCESS);
    }

    /** A form field the process reads: taken from the person who submits the form that has it. */
    public static <T> ProcessVariable<T> byForm(String name, Class<T> type) {
        return new ProcessVariable<>(name, type, Writer.FORM);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public Writer writer() {
        return writer;
    }

    /** The value seen from this scope (task, execution), or null when it is not set. */
    public T from(VariableScope scope) {
        return convert(scope.getVariable(name));
    }

    /** The value set on this scope itself (a task's local variable), or null. */
    public T local(VariableScope scope) {
        return convert(scope.getVariableLocal(name));
    }

    public boolean isSet(VariableScope scope) {
        return scope.hasVariable(name);
    }

    /** Sets the value where the variable lives already, else on the process instance. */
    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    /** Puts the value into a map of variables that is handed to the engine at once (a start, task-local context). */
    public void putIn(java.util.Map<String, Object> variables, T value) {
        variables.put(name, value);
    }

    @SuppressWarnings("unchecked")
    private T convert(Object value) {
        if (value == null) {
            return null;
        }
        if (type == Long.class && value instanceof Number n) {
            return (T) Long.valueOf(n.longValue());
        }
        if (type == Integer.class && value instanceof Number n) {
            return (T) Integer.valueOf(n.intValue());
        }
        if (type == String.class && !(value instanceof String)) {
            return (T) value.toString();
        }
        if (type == Date.class && value instanceof Date) {
            return (T) value;
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return name;
    }
}
