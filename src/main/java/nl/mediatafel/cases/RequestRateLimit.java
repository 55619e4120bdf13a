package nl.mediatafel.cases;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.mediatafel.security.ApiClients;
import nl.mediatafel.security.RateLimits;
import nl.mediatafel.security.RateLimits.Count;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits public requests for mediation or coaching and requests for portal codes, so neither can be used to flood
 * the secretariat or a party's mailbox. The counts are in the database ({@link RateLimits}), shared by every node.
 *
 * <ul>
 *   <li>Requests: per client address; a known client (front desk, court) that sends its {@value ApiClients#HEADER}
 *       is counted under its own name and limit instead, so a desk behind a shared address is not blocked by its
 *       neighbours, nor they by it. An unknown key is refused (401), and counted against the address.</li>
 *   <li>Portal codes: per address and per link, so neither one address nor many addresses can flood one party.</li>
 * </ul>
 *
 * <p>Behind a proxy, configure {@code server.forward-headers-strategy} so the client address is the real one.
 */
@Component
class RequestRateLimit extends OncePerRequestFilter {

  private final RateLimits limits;
  private final ApiClients clients;
  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final MessageSource messages;

  RequestRateLimit(RateLimits limits, ApiClients clients,
      @Value("${mediatafel.requests.rate-limit:20}") int limit,
      @Value("${mediatafel.requests.rate-window:PT10M}") Duration window, Clock clock, MessageSource messages) {
    this.limits = limits;
    this.clients = clients;
    this.limit = limit;
    this.window = window;
    this.clock = clock;
    this.messages = messages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || category(path(request)) == null;
  }

  /** What is counted, each with its own windows: requests for mediation or coaching, and one-time portal codes. */
  private static String category(String path) {
    if ("/api/cases".equals(path) || "/aanmelden".equals(path) || "/api/coaching".equals(path)) {
      return "request";
    }
    return path.matches("/portal/[^/]+/code") ? "portal-code" : null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = path(request);
    String category = category(path);
    String address = category + " address:" + request.getRemoteAddr();
    List<Count> counts;
    if ("request".equals(category) && request.getHeader(ApiClients.HEADER) != null) {
      Optional<ApiClients.Client> client = clients.byKey(request.getHeader(ApiClients.HEADER));
      if (client.isEmpty()) {
        Count guesses = limits.count(address, window);
        if (guesses.exceeds(limit)) {
          tooMany(response, guesses.windowEnd());
        } else {
          unknownKey(response);
        }
        return;
      }
      Count count = limits.count(category + " client:" + client.get().name(), window);
      counts = count.exceeds(client.get().rateLimit()) ? List.of(count) : List.of();
    } else if ("request".equals(category)) {
      counts = exceeding(limits.count(address, window));
    } else {
      String token = path.substring("/portal/".length(), path.length() - "/code".length());
      counts = exceeding(limits.count(address, window),
          limits.count(category + " link:" + RateLimits.digest(token), window));
    }
    if (!counts.isEmpty()) {
      tooMany(response, counts.stream().map(Count::windowEnd).max(Instant::compareTo).orElseThrow());
      return;
    }
    chain.doFilter(request, response);
  }

  private List<Count> exceeding(Count... counts) {
    return java.util.Arrays.stream(counts).filter(count -> count.exceeds(limit)).toList();
  }

  private void tooMany(HttpServletResponse response, Instant windowEnd) throws IOException {
    var locale = LocaleContextHolder.getLocale();
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader("Retry-After", String.valueOf(
        Math.max(1, Duration.between(clock.instant(), windowEnd).toSeconds())));
    problem(response, 429, messages.getMessage("request.rate-limited.title", null, locale),
        messages.getMessage("request.rate-limited", null, locale));
  }

  /** RFC 9457 with {@code about:blank}: the title is the status phrase, there is nothing more to tell a wrong key. */
  private static void unknownKey(HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader("WWW-Authenticate", "ApiKey header=\"" + ApiClients.HEADER + "\"");
    problem(response, 401, HttpStatus.UNAUTHORIZED.getReasonPhrase(), null);
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + title + "\""
        + (detail == null ? "" : ",\"detail\":\"" + detail + "\"") + "}");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
