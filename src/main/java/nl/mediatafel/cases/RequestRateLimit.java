package nl.mediatafel.cases;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits public requests for mediation and requests for portal codes per client address (a fixed window per address
 * and kind), so neither can be used to flood the secretariat or a party's mailbox. Per node; behind a proxy, configure
 * {@code server.forward-headers-strategy} so the client address is the real one.
 */
@Component
class RequestRateLimit extends OncePerRequestFilter {

  private record Window(Instant start, int count) {}

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final MessageSource messages;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  RequestRateLimit(@Value("${mediatafel.requests.rate-limit:20}") int limit,
      @Value("${mediatafel.requests.rate-window:PT10M}") Duration window, Clock clock, MessageSource messages) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
    this.messages = messages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equals(request.getMethod()) || category(path) == null;
  }

  /** What is counted, each with its own window: requests for mediation or coaching, and one-time portal codes. */
  private static String category(String path) {
    if ("/api/cases".equals(path) || "/aanmelden".equals(path) || "/api/coaching".equals(path)) {
      return "request";
    }
    return path.matches("/portal/[^/]+/code") ? "portal-code" : null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Instant now = clock.instant();
    if (windows.size() > 10_000) {
      windows.values().removeIf(w -> w.start().plus(window).isBefore(now));
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Window current = windows.compute(category(path) + " " + request.getRemoteAddr(), (key, previous) ->
        previous == null || previous.start().plus(window).isBefore(now) ? new Window(now, 1)
            : new Window(previous.start(), previous.count() + 1));
    if (current.count() > limit) {
      var locale = LocaleContextHolder.getLocale();
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader("Retry-After", String.valueOf(
          Math.max(1, Duration.between(now, current.start().plus(window)).toSeconds())));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"type\":\"about:blank\",\"status\":429,\"title\":\""
          + messages.getMessage("request.rate-limited.title", null, locale) + "\",\"detail\":\""
          + messages.getMessage("request.rate-limited", null, locale) + "\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
