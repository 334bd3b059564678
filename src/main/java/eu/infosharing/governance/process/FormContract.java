package eu.infosharing.governance.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A Camunda Form of forms/ (its id) and its fields: what a task or start event may take from a person. */
public record FormContract(String id, List<FormField> fields) {

    public FormContract {
        fields = List.copyOf(fields);
    }

    static FormContract of(String id, FormField... fields) {
        return new FormContract(id, List.of(fields));
    }

    /** A form that opens with a block of fields shared with other forms, then its own. */
    static FormContract of(String id, FormField[] shared, FormField... fields) {
        List<FormField> all = new java.util.ArrayList<>(List.of(shared));
        all.addAll(List.of(fields));
        return new FormContract(id, all);
    }

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The fields a person fills in: exactly what a submission may carry. */
    public Set<String> inputs() {
        return fields.stream().filter(f -> !f.shownOnly()).map(FormField::key)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** The read-only fields, whose values the process sets for the person to read. */
    public Set<String> shown() {
        return fields.stream().filter(FormField::shownOnly).map(FormField::key)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public Map<String, FormField> byKey() {
        Map<String, FormField> map = new LinkedHashMap<>();
        fields.forEach(f -> map.put(f.key(), f));
        return map;
    }
}
