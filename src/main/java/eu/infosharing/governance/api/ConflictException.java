package eu.infosharing.governance.api;

/** The request clashes with the current state (a duplicate application, for example): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
