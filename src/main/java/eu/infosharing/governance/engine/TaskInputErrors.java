package eu.infosharing.governance.engine;

import eu.infosharing.governance.api.ConflictException;
import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.NotFoundException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Turns our input errors into the engine's form validation error, which engine REST answers with 400 and Tasklist
 * shows to the person with its message; the transaction rolls back, so nothing is created or completed.
 */
public final class TaskInputErrors {

    private TaskInputErrors() {
    }

    public static <T> T translate(Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidInputException e) {
            throw new FormFieldValidationException(e.problems().get(0).field(), e.getMessage(), e);
        } catch (ConflictException | ForbiddenException | NotFoundException e) {
            throw new FormFieldValidationException("application", e.getMessage(), e);
        }
    }

    public static void translate(Runnable step) {
        translate(() -> {
            step.run();
            return null;
        });
    }
}
