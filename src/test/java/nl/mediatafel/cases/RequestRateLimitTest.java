package nl.mediatafel.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public request endpoints refuse a flood from one address and let it in again after the window. */
class RequestRateLimitTest {

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
  private final RequestRateLimit limit = new RequestRateLimit(3, Duration.ofMinutes(10), clock, messages());

  @Test
  void theFourthRequestFromOneAddressWithinTheWindowIsRefused() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(post("/api/cases", "10.0.0.1").getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = post("/api/cases", "10.0.0.1");
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getHeader("Retry-After")).isEqualTo("600");
    assertThat(post("/aanmelden", "10.0.0.1").getStatus()).isEqualTo(429);

    assertThat(post("/api/cases", "10.0.0.2").getStatus()).as("another address").isEqualTo(200);
    assertThat(get("/api/cases/MED-2026-0001", "10.0.0.1").getStatus()).as("reading is not limited").isEqualTo(200);

    assertThat(post("/portal/abc/code", "10.0.0.1").getStatus()).as("codes are counted apart").isEqualTo(200);
    for (int i = 0; i < 2; i++) {
      post("/portal/abc/code", "10.0.0.1");
    }
    assertThat(post("/portal/xyz/code", "10.0.0.1").getStatus()).as("codes for any link").isEqualTo(429);
    assertThat(post("/portal/abc/confirm", "10.0.0.1").getStatus()).isEqualTo(200);

    now.set(now.get().plus(Duration.ofMinutes(11)));
    assertThat(post("/api/cases", "10.0.0.1").getStatus()).as("a new window").isEqualTo(200);
  }

  @Test
  void coachingRequestsShareTheWindowOfRequestsForMediation() throws Exception {
    for (int i = 0; i < 2; i++) {
      assertThat(post("/api/coaching", "10.0.0.3").getStatus()).isEqualTo(200);
    }
    assertThat(post("/api/cases", "10.0.0.3").getStatus()).isEqualTo(200);
    assertThat(post("/api/coaching", "10.0.0.3").getStatus()).isEqualTo(429);
    assertThat(get("/api/coaching/COA-2026-0001", "10.0.0.3").getStatus()).as("reading is not limited")
        .isEqualTo(200);
  }

  private MockHttpServletResponse post(String path, String address) throws Exception {
    return call("POST", path, address);
  }

  private MockHttpServletResponse get(String path, String address) throws Exception {
    return call("GET", path, address);
  }

  private MockHttpServletResponse call(String method, String path, String address) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setRemoteAddr(address);
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
