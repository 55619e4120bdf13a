package nl.mediatafel.platform;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A staff member's browser on Mediatafel's staff pages ({@code /portal-links}, {@code /outbox}, {@code /forum}):
 * HTTP Basic, cookies (the session that holds the form token), and forms posted with the token of the page last seen.
 */
public final class StaffBrowser {

  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final int port;
  private final String user;

  /** {@code user} logs in with the demo password (the user name); null for a visitor without a login. */
  public StaffBrowser(int port, String user) {
    this.port = port;
    this.user = user;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> getBytes(String path) throws Exception {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Posts the form fields ({@code a=1&b=2}, encoded) with the CSRF token found in {@code pageWithForm}. */
  public HttpResponse<String> post(String path, String pageWithForm, String fields) throws Exception {
    return post(path, pageWithForm, fields, "text/html");
  }

  public HttpResponse<String> post(String path, String pageWithForm, String fields, String accept) throws Exception {
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(pageWithForm);
    String body = token.find() ? "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) : "";
    if (!fields.isEmpty()) {
      body = body.isEmpty() ? fields : body + "&" + fields;
    }
    return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form body as it is, without a CSRF token unless the body carries one (to prove the refusal). */
  public HttpResponse<String> postRaw(String path, String body) throws Exception {
    return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  /** The id of the row on {@code /portal-links/{case}} of the link in a mail: its fingerprint is the token's hash. */
  public static String linkRowId(String linksPage, String mailLink) {
    String fingerprint = fingerprint(mailLink);
    Matcher row = Pattern.compile("id=\"link-([0-9a-f-]{36})\"[^>]*data-fingerprint=\"" + fingerprint + "\"")
        .matcher(linksPage);
    if (!row.find()) {
      throw new AssertionError("no row with fingerprint " + fingerprint + " for " + mailLink);
    }
    return row.group(1);
  }

  /** The row of the link on the page, from its opening tag to its end. */
  public static String linkRow(String linksPage, String mailLink) {
    String id = linkRowId(linksPage, mailLink);
    int start = linksPage.indexOf("id=\"link-" + id + "\"");
    return linksPage.substring(start, linksPage.indexOf("</tr>", start));
  }

  /** The first 8 hex digits of the SHA-256 of the link's token, as the staff page shows it. */
  public static String fingerprint(String mailLink) {
    String token = mailLink.substring(mailLink.indexOf("/portal/") + "/portal/".length()).replaceFirst("/.*$", "");
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return java.util.HexFormat.of().formatHex(hash).substring(0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
