package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A browser that keeps cookies, for the staff pages that accept the Camunda webapp login session: logged in as
 * Tasklist's login page does (through the webapp's CSRF handshake), with HTTP Basic on every request, or anonymous.
 */
public final class WebappBrowser {

  private static final String AUTH = "/camunda/api/admin/auth/user/default";

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final int port;
  private String basic;

  private WebappBrowser(int port) {
    this.port = port;
  }

  public static WebappBrowser anonymous(int port) {
    return new WebappBrowser(port);
  }

  public static WebappBrowser basic(int port, String user) {
    return new WebappBrowser(port).withBasic(user, user);
  }

  public WebappBrowser withBasic(String user, String password) {
    basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Logs in as the Tasklist's login page does (demo password = user id), through the webapp's CSRF handshake. */
  public static WebappBrowser loggedInToTasklist(int port, String user) throws Exception {
    WebappBrowser browser = new WebappBrowser(port);
    HttpResponse<String> login = browser.webappPost(AUTH + "/login/tasklist",
        "username=" + encode(user) + "&password=" + encode(user));
    assertThat(login.statusCode()).as("webapp login of " + user).isEqualTo(200);
    assertThat(login.body()).contains("\"userId\":\"" + user + "\"");
    return browser;
  }

  public void logOut() throws Exception {
    assertThat(webappPost(AUTH + "/logout", "").statusCode()).as("webapp logout").isEqualTo(200);
  }

  public HttpResponse<String> get(String path) throws Exception {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A GET as a browser set to this language asks for it ({@code Accept-Language}). */
  public HttpResponse<String> get(String path, String language) throws Exception {
    return client.send(request(path).header("Accept-Language", language).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> postForm(String path, String form, String origin) throws Exception {
    HttpRequest.Builder builder = request(path).header("Content-Type", "application/x-www-form-urlencoded");
    if (origin != null) {
      builder.header("Origin", origin);
    }
    return client.send(builder.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  /**
   * A POST to the webapp's API: its CSRF filter hands a fresh session its token on a GET (response header and
   * cookie {@code XSRF-TOKEN}) and wants it back in the {@code X-XSRF-TOKEN} header of every POST.
   */
  private HttpResponse<String> webappPost(String path, String form) throws Exception {
    HttpResponse<String> fetch = get(AUTH);
    String token = fetch.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookie("XSRF-TOKEN"));
    assertThat(token).as("CSRF token of the webapp").isNotBlank();
    HttpRequest request = request(path).header("X-XSRF-TOKEN", token)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (basic != null) {
      builder.header("Authorization", basic);
    }
    return builder;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
