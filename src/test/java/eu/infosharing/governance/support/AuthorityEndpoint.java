package eu.infosharing.governance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import eu.infosharing.governance.notification.CompetentAuthority;
import eu.infosharing.governance.notification.CompetentAuthorityRepository;
import org.springframework.transaction.support.TransactionTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A competent authority's HTTPS intake, as a real HTTP server on a free local port: it keeps every notification it
 * receives and answers with the status a test chooses (201 with an id, or a failure).
 */
public class AuthorityEndpoint implements AutoCloseable {

    /** One POST as the authority received it. */
    public record Received(String idempotencyKey, JsonNode body) {
        public String reference() {
            return body.get("reference").asText();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(201);
    private final AtomicInteger counter = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<String> acknowledgement = new java.util.concurrent.atomic.AtomicReference<>();
    private final ObjectMapper json = new ObjectMapper();
    private volatile Consumer<Received> onReceive = r -> { };

    public AuthorityEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/notifications", exchange -> {
            Received r = new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    json.readTree(exchange.getRequestBody()));
            received.add(r);
            onReceive.accept(r);
            int answer = status.get();
            String ack = acknowledgement.get();
            byte[] body = (answer / 100 == 2 ? "{\"id\":\"AUTH-" + counter.incrementAndGet() + "\""
                    + (ack == null ? "" : ",\"acknowledgement\":{\"reference\":\"" + ack + "\",\"receivedOn\":\""
                    + java.time.LocalDate.now(eu.infosharing.governance.notification.NotificationSettings.DEFAULT_ZONE) + "\"}") + "}"
                    : "{\"error\":\"intake unavailable\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Points the authority's HTTPS channel at this endpoint; answers the address it had, for {@link #pointBack}. */
    public String standIn(String authorityCode, CompetentAuthorityRepository authorities, TransactionTemplate tx) {
        return point(authorityCode, url(), authorities, tx);
    }

    public static void pointBack(String authorityCode, String address, CompetentAuthorityRepository authorities,
                                 TransactionTemplate tx) {
        point(authorityCode, address, authorities, tx);
    }

    private static String point(String code, String address, CompetentAuthorityRepository authorities, TransactionTemplate tx) {
        return tx.execute(s -> {
            CompetentAuthority a = authorities.findByCode(code).orElseThrow();
            String was = a.getChannelAddress();
            a.configure(CompetentAuthority.Channel.HTTPS, address, a.getLanguages(), a.getDeadline(), true);
            return was;
        });
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notifications";
    }

    public List<Received> received() {
        return received;
    }

    public void answer(int httpStatus) {
        status.set(httpStatus);
    }

    /** Answers acknowledging receipt at once, with this reference of the authority's (null: no acknowledgement). */
    public void acknowledgeWith(String authorityReference) {
        acknowledgement.set(authorityReference);
    }

    /** Runs before the answer is written: a test may block here, or kill the sender. */
    public void onReceive(Consumer<Received> hook) {
        this.onReceive = hook;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
