package nl.mediatafel.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.security.ApiClients;
import nl.mediatafel.security.RateLimits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The public request endpoints refuse a flood from one address and let it in again after the window; the counts are
 * in the database (the test context's H2 with the Liquibase schema), so two filters, as on two nodes, count together.
 * Every test uses addresses, links and client names of its own, as the table is shared with the other tests.
 */
@MediatafelTest
class RequestRateLimitTest {

  private static final String DESK_KEY = "desk-key-" + UUID.randomUUID();

  @Autowired JdbcTemplate jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T10:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private final ApiClients clients = new ApiClients(List.of(
      new ApiClients.Client("desk-" + run, RateLimits.digest(DESK_KEY), 5)));

  private RequestRateLimit node() {
    return new RequestRateLimit(new RateLimits(jdbc, clock), clients, 3, Duration.ofMinutes(10), clock, messages());
  }

  @Test
  void theFourthRequestFromOneAddressWithinTheWindowIsRefused() throws Exception {
    RequestRateLimit limit = node();
    String address = address(1);
    for (int i = 0; i < 3; i++) {
      assertThat(post(limit, "/api/cases", address).getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = post(limit, "/api/cases", address);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getContentAsString()).contains("\"status\":429");
    assertThat(refused.getHeader("Retry-After")).isEqualTo("600");
    assertThat(post(limit, "/aanmelden", address).getStatus()).isEqualTo(429);

    assertThat(post(limit, "/api/cases", address(2)).getStatus()).as("another address").isEqualTo(200);
    assertThat(call(limit, "GET", "/api/cases/MED-2026-0001", address, null).getStatus()).as("reading is not limited")
        .isEqualTo(200);

    now.set(now.get().plus(Duration.ofMinutes(11)));
    assertThat(post(limit, "/api/cases", address).getStatus()).as("a new window").isEqualTo(200);
  }

  @Test
  void portalCodesAreCountedApartPerAddressAndPerLink() throws Exception {
    RequestRateLimit limit = node();
    String address = address(3);
    for (int i = 0; i < 3; i++) {
      assertThat(post(limit, "/api/cases", address).getStatus()).isEqualTo(200);
    }
    assertThat(post(limit, link("a") + "/code", address).getStatus()).as("codes are counted apart").isEqualTo(200);
    for (int i = 0; i < 2; i++) {
      post(limit, link("b") + "/code", address);
    }
    assertThat(post(limit, link("c") + "/code", address).getStatus()).as("codes for any link").isEqualTo(429);
    assertThat(post(limit, link("a") + "/confirm", address).getStatus()).isEqualTo(200);

    for (int i = 0; i < 3; i++) {
      assertThat(post(limit, link("d") + "/code", address(10 + i)).getStatus()).isEqualTo(200);
    }
    assertThat(post(limit, link("d") + "/code", address(20)).getStatus()).as("one link from many addresses")
        .isEqualTo(429);
  }

  @Test
  void twoNodesCountInTheSameWindow() throws Exception {
    RequestRateLimit first = node();
    RequestRateLimit second = node();
    String address = address(4);
    assertThat(post(first, "/api/cases", address).getStatus()).isEqualTo(200);
    assertThat(post(second, "/api/cases", address).getStatus()).isEqualTo(200);
    assertThat(post(first, "/api/cases", address).getStatus()).isEqualTo(200);
    assertThat(post(second, "/api/cases", address).getStatus()).isEqualTo(429);
    assertThat(post(first, "/api/cases", address).getStatus()).isEqualTo(429);
  }

  @Test
  void coachingRequestsShareTheWindowOfRequestsForMediation() throws Exception {
    RequestRateLimit limit = node();
    String address = address(5);
    for (int i = 0; i < 2; i++) {
      assertThat(post(limit, "/api/coaching", address).getStatus()).isEqualTo(200);
    }
    assertThat(post(limit, "/api/cases", address).getStatus()).isEqualTo(200);
    assertThat(post(limit, "/api/coaching", address).getStatus()).isEqualTo(429);
    assertThat(call(limit, "GET", "/api/coaching/COA-2026-0001", address, null).getStatus())
        .as("reading is not limited").isEqualTo(200);
  }

  @Test
  void aKnownClientIsCountedUnderItsOwnNameAndLimitNotItsAddress() throws Exception {
    RequestRateLimit limit = node();
    String shared = address(6);
    for (int i = 0; i < 3; i++) {
      assertThat(post(limit, "/api/cases", shared).getStatus()).isEqualTo(200);
    }
    assertThat(post(limit, "/api/cases", shared).getStatus()).as("the address is used up").isEqualTo(429);
    for (int i = 0; i < 5; i++) {
      assertThat(call(limit, "POST", "/api/cases", shared, DESK_KEY).getStatus()).as("the desk's own limit")
          .isEqualTo(200);
    }
    assertThat(call(limit, "POST", "/api/cases", address(7), DESK_KEY).getStatus())
        .as("the desk from another address counts in the same bucket").isEqualTo(429);
    assertThat(post(limit, "/api/cases", address(7)).getStatus()).as("that address is not charged").isEqualTo(200);
  }

  @Test
  void anUnknownKeyIsUnauthorizedAndCountsAgainstTheAddress() throws Exception {
    RequestRateLimit limit = node();
    String address = address(8);
    MockHttpServletResponse unknown = call(limit, "POST", "/api/cases", address, "guessed-key");
    assertThat(unknown.getStatus()).isEqualTo(401);
    assertThat(unknown.getContentType()).startsWith("application/problem+json");
    assertThat(unknown.getContentAsString()).contains("\"status\":401");
    for (int i = 0; i < 2; i++) {
      call(limit, "POST", "/api/cases", address, "guessed-key-" + i);
    }
    assertThat(call(limit, "POST", "/api/cases", address, "guessed-key-3").getStatus()).isEqualTo(429);
    assertThat(post(limit, "/api/cases", address).getStatus()).isEqualTo(429);
  }

  @Test
  void oldWindowsAreDeletedWhenANewWindowOpens() throws Exception {
    RequestRateLimit limit = node();
    post(limit, "/api/cases", address(9));
    String bucket = "request address:" + address(9);
    assertThat(rows(bucket)).isEqualTo(1);
    now.set(now.get().plus(Duration.ofHours(1)));
    post(limit, "/api/cases", address(30));
    assertThat(rows(bucket)).as("the expired window is gone").isZero();
  }

  private int rows(String bucket) {
    return jdbc.queryForObject("select count(*) from rate_limit_window where bucket = ?", Integer.class, bucket);
  }

  private String address(int n) {
    return "10." + (Math.abs(run.hashCode()) % 200) + ".0." + n;
  }

  private String link(String name) {
    return "/portal/" + run + name;
  }

  private MockHttpServletResponse post(RequestRateLimit limit, String path, String address) throws Exception {
    return call(limit, "POST", path, address, null);
  }

  private MockHttpServletResponse call(RequestRateLimit limit, String method, String path, String address,
      String apiKey) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setRemoteAddr(address);
    if (apiKey != null) {
      request.addHeader(ApiClients.HEADER, apiKey);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, new MockFilterChain());
    return response;
  }

  private static StaticMessageSource messages() {
    StaticMessageSource messages = new StaticMessageSource();
    messages.setUseCodeAsDefaultMessage(true);
    return messages;
  }
}
