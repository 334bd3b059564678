package eu.infosharing.governance.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A person logged into Tasklist, as the browser is: a session cookie and Camunda's CSRF token, calling the webapps'
 * own engine API (/camunda/api/engine/...) that Tasklist's pages call.
 */
public final class WebappSession {

    private final String base;
    private final HttpClient client;

    private WebappSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private WebappSession(String base, WebappSession browser) {
        this.base = base;
        this.client = browser.client;
    }

    /** The same browser (its cookies: the session and the CSRF token) sent to another node, e.g. after a failover. */
    public WebappSession on(int port) {
        return new WebappSession("http://localhost:" + port, this);
    }

    /** The value of one of the browser's cookies (e.g. the session's), or null. */
    public String cookie(String name) {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    public static WebappSession login(int port, String user, String password) {
        Attempt attempt = attemptLogin(port, user, password);
        if (attempt.response().statusCode() != 200) {
            throw new IllegalStateException("Tasklist login of " + user + " answered " + attempt.response().statusCode() + ": "
                    + attempt.response().body());
        }
        // the login starts a new session: Tasklist's next read gives it its CSRF token, as in the browser
        attempt.session().send("GET", "/camunda/api/admin/auth/user/default", null, null);
        return attempt.session();
    }

    /** A login through Tasklist's login form, whatever it answers. */
    public record Attempt(WebappSession session, HttpResponse<String> response) {
    }

    public static Attempt attemptLogin(int port, String user, String password) {
        WebappSession session = open(port);
        return new Attempt(session, session.postLogin(user, password));
    }

    /** A browser that has opened Tasklist's login page, not logged in yet. */
    public static WebappSession open(int port) {
        WebappSession session = new WebappSession(port);
        session.send("GET", "/camunda/app/tasklist/", null, null);
        return session;
    }

    /** Tasklist's login form sent, whatever it answers. */
    public HttpResponse<String> postLogin(String user, String password) {
        return send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    /** A call to Tasklist's engine API, e.g. path "/task/{id}/submit-form". */
    public HttpResponse<String> engine(String method, String path, String json) {
        return send(method, "/camunda/api/engine/engine/default" + path, json == null ? null : "application/json", json);
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        java.util.Optional.ofNullable(cookie("XSRF-TOKEN")).ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
