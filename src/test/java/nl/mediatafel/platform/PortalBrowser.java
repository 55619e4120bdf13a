package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A party's browser for portal tests: keeps cookies, posts forms with the CSRF token of the page it last saw, and
 * confirms an address with the code that arrives at the test mail server.
 */
public final class PortalBrowser {

  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final int port;

  public PortalBrowser(int port) {
    this.port = port;
  }

  public HttpResponse<String> get(String url) throws Exception {
    return client.send(HttpRequest.newBuilder(local(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> getBytes(String url) throws Exception {
    return client.send(HttpRequest.newBuilder(local(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Posts form fields ({@code a=1&b=2}, already encoded) with the CSRF token found in {@code pageWithForm}. */
  public HttpResponse<String> post(String url, String pageWithForm, String fields) throws Exception {
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(pageWithForm);
    String csrf = token.find() ? "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) : "";
    return postRaw(url, csrf + (fields.isEmpty() ? "" : "&" + fields));
  }

  public HttpResponse<String> postRaw(String url, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(local(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Asks for a code on the link's page, reads it from the mail, and confirms it. */
  public void confirm(String link) throws Exception {
    String base = link.replaceFirst("(/portal/[^/]+).*$", "$1");
    TestMailServer.purge();
    post(base + "/code", get(link).body(), "");
    String code = code(ReceivedMail.of(TestMailServer.received()[0]).text());
    post(base + "/confirm", get(link).body(), "code=" + code);
  }

  /** The 6-digit code in a mail text. */
  public static String code(String mailText) {
    Matcher matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(mailText);
    assertThat(matcher.find()).as("a 6-digit code in: %s", mailText).isTrue();
    return matcher.group(1);
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Mail links point at the configured base URL; the test server listens on a random port. */
  private URI local(String url) {
    return URI.create(url.replaceFirst("^https?://[^/]+", "http://localhost:" + port));
  }
}
