package eu.infosharing.governance.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.mail.MailGateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Delivers a notification through its authority's channel: an e-mail with the letter attached, or a JSON POST to
 * the authority's HTTPS endpoint. Both carry the notification's reference (mail header, Idempotency-Key), so a resend
 * after a crash is recognisable as the same notification. A failure is thrown: the engine retries with back-off.
 */
@Component
public class AuthorityChannels {

    public static final String REFERENCE_HEADER = MailGateway.REFERENCE_HEADER;

    private final MailGateway mail;
    private final ObjectMapper json;
    private final HttpClient http;
    private final NotificationSettings settings;

    public AuthorityChannels(MailGateway mail, ObjectMapper json, NotificationSettings settings) {
        this.mail = mail;
        this.json = json;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.getHttpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * What went out: the channel used, the recipient's or our own message id, and the authority's acknowledgement when
     * its intake gave one in its answer (null otherwise: an e-mail is only accepted by a mail server).
     */
    public record Delivery(CompetentAuthority.Channel channel, String address, String messageId, Acknowledgement acknowledgement) {
    }

    /** The authority's own word that it received the notification: its reference, and the day it says it received it. */
    public record Acknowledgement(String authorityReference, LocalDate receivedOn) {
    }

    public Delivery deliver(CompetentAuthority authority, LetterContent letter, String subject, String body, byte[] pdf) {
        String address = authority.getChannelAddress();
        return switch (authority.getChannel()) {
            case EMAIL -> new Delivery(CompetentAuthority.Channel.EMAIL, address, mail.send(new MailGateway.Mail(
                    List.of(address), subject, body,
                    List.of(new MailGateway.Attachment(letter.reference() + ".pdf", "application/pdf", pdf)),
                    Map.of(REFERENCE_HEADER, letter.reference(),
                            MailGateway.MESSAGE_ID_HEADER, mail.stableMessageId(letter.reference())))), null);
            case HTTPS -> post(address, letter, pdf);
        };
    }

    private Delivery post(String address, LetterContent letter, byte[] pdf) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(address))
                    .timeout(settings.getHttpTimeout())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Idempotency-Key", letter.reference())
                    .header(REFERENCE_HEADER, letter.reference())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload(letter, pdf))))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new ChannelException("The authority's endpoint " + address + " answered HTTP " + response.statusCode()
                        + ": " + abbreviate(response.body()));
            }
            JsonNode answer = answer(response);
            return new Delivery(CompetentAuthority.Channel.HTTPS, address, messageId(answer, response),
                    acknowledgement(answer));
        } catch (IOException e) {
            throw new ChannelException("The authority's endpoint " + address + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("Sending to " + address + " was interrupted", e);
        }
    }

    private JsonNode answer(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            return null; // not JSON: the headers say what there is to say
        }
    }

    /** The authority's id for what it received: JSON "id", else the Location header, else the HTTP status. */
    private static String messageId(JsonNode body, HttpResponse<String> response) {
        if (body != null && body.hasNonNull("id")) {
            return body.get("id").asText();
        }
        return response.headers().firstValue("Location").orElse("HTTP " + response.statusCode());
    }

    /**
     * An intake that acknowledges at once answers {@code "acknowledgement": {"reference": "...", "receivedOn":
     * "YYYY-MM-DD"}}; the reference is required, the date defaults to today. Anything else is no acknowledgement:
     * the notification then waits for one to be recorded.
     */
    private Acknowledgement acknowledgement(JsonNode body) {
        JsonNode ack = body == null ? null : body.get("acknowledgement");
        if (ack == null || !ack.hasNonNull("reference") || ack.get("reference").asText().isBlank()) {
            return null;
        }
        String reference = abbreviate(ack.get("reference").asText().strip(), 200);
        LocalDate on = ack.hasNonNull("receivedOn")
                ? StrictText.isoDate(ack.get("receivedOn").asText()).orElse(settings.today()) : settings.today();
        return new Acknowledgement(reference, on);
    }

    private Map<String, Object> payload(LetterContent letter, byte[] pdf) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("name", letter.entityName());
        entity.put("country", letter.entityCountry());
        entity.put("enterpriseNumber", letter.enterpriseNumber());
        entity.put("foreignRegisterId", letter.foreignRegisterId());
        entity.put("lei", letter.lei());
        LetterContent.Particulars particulars = letter.particulars();
        if (particulars != null) {
            entity.put("supervisoryId", particulars.supervisoryId());
            entity.put("nis2Status", particulars.nis2Status() == null ? null : particulars.nis2Status().name());
            entity.put("nis2Sector", particulars.nis2Sector() == null ? null : particulars.nis2Sector().name());
            // the point of DORA Art. 2(1), e.g. "a" for a credit institution
            entity.put("doraEntityType", particulars.doraEntityType() == null ? null
                    : particulars.doraEntityType().name().toLowerCase(java.util.Locale.ROOT));
            entity.put("contactPersons", particulars.contactPersons());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", letter.reference());
        body.put("event", letter.event().name());
        body.put("entity", entity);
        Map<String, Object> arrangement = new LinkedHashMap<>();
        arrangement.put("code", letter.arrangementCode());
        arrangement.put("name", letter.arrangementName());
        if (particulars != null && particulars.organiser() != null) {
            arrangement.put("organiser", particulars.organiser());
        }
        body.put("arrangement", arrangement);
        body.put("effectiveDate", letter.effectiveDate().toString());
        body.put("legalBasis", letter.legalBasis());
        body.put("language", letter.language().name());
        body.put("sentOnBehalf", letter.sentOnBehalf());
        body.put("document", Map.of("fileName", letter.reference() + ".pdf", "contentType", "application/pdf",
                "base64", Base64.getEncoder().encodeToString(pdf)));
        return body;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : abbreviate(text, 300);
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }

    /** Technical: the engine retries. */
    public static class ChannelException extends RuntimeException {
        ChannelException(String message) {
            super(message);
        }

        ChannelException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
