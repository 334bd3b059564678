package eu.infosharing.governance.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The network address of the client that sends the current request, for the login throttle: every door (the
 * webapps' login, engine REST and our API's HTTP Basic) checks passwords on the request's own thread. Behind a
 * reverse proxy, set server.forward-headers-strategy=native so that this is the client's address, not the proxy's.
 */
public class ClientAddress extends OncePerRequestFilter {

    /** Work that no request started: the job executor, schedulers, tests. */
    public static final String LOCAL = "local";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    public static String current() {
        String address = CURRENT.get();
        return address == null ? LOCAL : address;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String outer = CURRENT.get();
        CURRENT.set(request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.set(outer);
        }
    }
}
