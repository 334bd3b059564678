package eu.infosharing.governance.mail;

/** A mail could not be handed over; technical, so the engine retries and then raises an incident. */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
