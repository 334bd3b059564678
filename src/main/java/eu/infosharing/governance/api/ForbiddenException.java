package eu.infosharing.governance.api;

/** The caller is known but its role does not allow this: 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
