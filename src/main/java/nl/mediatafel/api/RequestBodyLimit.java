package nl.mediatafel.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Bodies of the public requests ({@code /api/**} and the request form {@code /aanmelden}) are at most
 * {@code mediatafel.requests.max-body-size}: a larger one gets a 413 before anything reads it, whether its size is
 * announced ({@code Content-Length}) or not (chunked: the body is read up to the limit and kept, so nothing after this
 * filter can read more). A multipart body is refused with a 415 here, before Spring parses it: none of these endpoints
 * takes one, and a broken one was a 500. The API answers {@code application/problem+json}; the form forwards to its
 * refusal page ({@link #REFUSAL} names the reason). Tomcat then reads and discards the rest of a large body (up to
 * {@code server.tomcat.max-swallow-size}), so the client reads the answer instead of a reset connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RequestBodyLimit extends OncePerRequestFilter {

  /** Why the form's body was refused, on the request forwarded to {@link #FORM_REFUSED}. */
  public enum Refusal {
    TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE), UNSUPPORTED_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

    private final HttpStatus status;

    Refusal(HttpStatus status) {
      this.status = status;
    }

    public HttpStatus status() {
      return status;
    }
  }

  /** The request attribute holding the {@link Refusal} of a forwarded form post. */
  public static final String REFUSAL = RequestBodyLimit.class.getName() + ".refusal";
  /** Where a refused form post is forwarded to: the form's own refusal page. */
  public static final String FORM_REFUSED = "/aanmelden/geweigerd";

  static final URI TOO_LARGE = URI.create("https://mediatafel.nl/problems/body-too-large");
  static final URI UNSUPPORTED_TYPE = URI.create("https://mediatafel.nl/problems/unsupported-media-type");

  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final long maxBytes;
  private final String limitText;
  private final ObjectMapper json;
  private final MessageSource messages;
  private final LocaleResolver locales;

  RequestBodyLimit(@Value("${mediatafel.requests.max-body-size:256KB}") DataSize maxBodySize, ObjectMapper json,
      MessageSource messages, LocaleResolver locales) {
    this.maxBytes = maxBodySize.toBytes();
    this.limitText = maxBytes % 1024 == 0 ? (maxBytes / 1024) + " KB" : maxBytes + " bytes";
    this.json = json;
    this.messages = messages;
    this.locales = locales;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !WITH_BODY.contains(request.getMethod()) || !(isApi(path) || isForm(path));
  }

  private static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  private static boolean isForm(String path) {
    return path.equals("/aanmelden") || path.startsWith("/aanmelden/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    if (contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      refuse(Refusal.UNSUPPORTED_TYPE, request, response);
      return;
    }
    long announced = request.getContentLengthLong();
    if (announced > maxBytes) {
      refuse(Refusal.TOO_LARGE, request, response);
      return;
    }
    if (announced >= 0) {
      // Tomcat reads no more than the announced length: the limit holds
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readAtMostTheLimit(request.getInputStream());
    if (body == null) {
      refuse(Refusal.TOO_LARGE, request, response);
      return;
    }
    chain.doFilter(new BufferedBody(request, body), response);
  }

  /** The whole body, or null when it is longer than the limit. */
  private byte[] readAtMostTheLimit(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int read;
    while ((read = in.read(buffer)) != -1) {
      if (body.size() + read > maxBytes) {
        return null;
      }
      body.write(buffer, 0, read);
    }
    return body.toByteArray();
  }

  private void refuse(Refusal refusal, HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isForm(path)) {
      request.setAttribute(REFUSAL, refusal);
      request.getRequestDispatcher(FORM_REFUSED).forward(new WithoutBody(request), response);
      return;
    }
    Locale locale = locales.resolveLocale(request);
    ProblemDetail problem = ProblemDetail.forStatus(refusal.status());
    if (refusal == Refusal.TOO_LARGE) {
      problem.setType(TOO_LARGE);
      problem.setTitle(messages.getMessage("request.too-large.title", null, locale));
      problem.setDetail(messages.getMessage("request.too-large", new Object[] {limitText, maxBytes}, locale));
    } else {
      problem.setType(UNSUPPORTED_TYPE);
      problem.setTitle(messages.getMessage("request.unsupported-type.title", null, locale));
      problem.setDetail(messages.getMessage("request.unsupported-type",
          new Object[] {request.getContentType().strip()}, locale));
      response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
    }
    problem.setInstance(URI.create(path.replaceAll("[^A-Za-z0-9/._-]", "")));
    response.setStatus(refusal.status().value());
    // JSON is UTF-8 (RFC 8259): no charset parameter, as Spring answers it
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }

  private static ServletInputStream stream(byte[] bytes) {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the body is already read");
      }
    };
  }

  /** A chunked body that was read within the limit; a form's fields are parsed from it, as Tomcat would. */
  private static final class BufferedBody extends HttpServletRequestWrapper {

    private final byte[] body;
    private Map<String, String[]> parameters;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      return stream(body);
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(stream(body), charset()));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public String getParameter(String name) {
      String[] values = getParameterMap().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      if (parameters == null) {
        // the body is consumed, so Tomcat parses the query string only
        Map<String, List<String>> merged = new LinkedHashMap<>();
        super.getParameterMap().forEach((name, values) -> merged.put(name, new java.util.ArrayList<>(List.of(values))));
        if (isForm()) {
          for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            if (pair.isEmpty()) {
              continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            if (name != null && value != null) {
              merged.computeIfAbsent(name, key -> new java.util.ArrayList<>()).add(value);
            }
          }
        }
        Map<String, String[]> result = new LinkedHashMap<>();
        merged.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
        parameters = Collections.unmodifiableMap(result);
      }
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return getParameterMap().get(name);
    }

    private boolean isForm() {
      String type = getContentType();
      return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    /** A field with a broken %-escape is left out, as Tomcat leaves it out. */
    private String decode(String encoded) {
      try {
        // the bytes were read as ISO-8859-1 (one char per byte); decode the escapes in the request's charset
        return URLDecoder.decode(new String(encoded.getBytes(StandardCharsets.ISO_8859_1), charset()), charset());
      } catch (IllegalArgumentException broken) {
        return null;
      }
    }

    private Charset charset() {
      try {
        return getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
      } catch (IllegalArgumentException unknown) {
        return StandardCharsets.UTF_8;
      }
    }
  }

  /** A refused form post as the refusal page sees it: no body, no fields, so nothing tries to parse it. */
  private static final class WithoutBody extends HttpServletRequestWrapper {

    WithoutBody(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getContentType() {
      return null;
    }

    @Override
    public String getHeader(String name) {
      return isBodyHeader(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return isBodyHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public int getContentLength() {
      return 0;
    }

    @Override
    public long getContentLengthLong() {
      return 0;
    }

    @Override
    public ServletInputStream getInputStream() {
      return stream(new byte[0]);
    }

    @Override
    public String getParameter(String name) {
      return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Map.of();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
      return null;
    }

    private static boolean isBodyHeader(String name) {
      return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
          || HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name);
    }
  }
}
