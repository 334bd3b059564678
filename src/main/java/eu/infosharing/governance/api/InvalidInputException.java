package eu.infosharing.governance.api;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule; answered with 400 and every bad field named. Nothing is stored. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::sentence).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String label, String message) {
        this(List.of(new FieldProblem(field, label, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
