package eu.infosharing.governance.api;

/**
 * One bad input field: its path in the API request (e.g. {@code organisation.enterpriseNumber}),
 * the label a person sees in the form, and why it was refused.
 */
public record FieldProblem(String field, String label, String message) {

    public String sentence() {
        return label + " " + message;
    }
}
