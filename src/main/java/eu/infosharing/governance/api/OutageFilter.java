package eu.infosharing.governance.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database outage met before a request reaches a controller or engine REST: the password checks of engine REST's
 * HTTP Basic filter, of our API's Spring Security chain and of the webapps' session filter all read the user store.
 * Their failure would otherwise end in the servlet container's error page (500, or a stack trace); here it is the same
 * 503 problem+json with a retry hint that the controllers and engine REST give.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class OutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FailFastConnections.requestStarts();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {} answered 503: the database is not available", request.getMethod(), request.getRequestURI());
            answerUnavailable(response);
        } finally {
            FailFastConnections.requestEnds();
        }
    }

    /** 503 with a retry hint and a problem+json body that names neither SQL nor classes. */
    public static void answerUnavailable(HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(503);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Problems.RETRY_AFTER_SECONDS));
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.json(503, Problems.DATABASE_UNAVAILABLE, Problems.DATABASE_UNAVAILABLE_TITLE,
                Problems.DATABASE_UNAVAILABLE_DETAIL));
    }
}
