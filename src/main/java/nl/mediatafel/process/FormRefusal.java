package nl.mediatafel.process;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import nl.mediatafel.i18n.MessagesConfiguration;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A listener or delegate refuses what a person entered in a form (Tasklist, REST): the task stays open and the person
 * reads why, in their language. The text comes from {@code i18n/refusals_nl.properties} / {@code _en} by
 * {@link #key()} with {@link #arguments()}: Dutch, or English when the request that completes the task asks for it
 * ({@code Accept-Language}, as Tasklist sends it); Dutch without a request (a job, a test through the Java API).
 *
 * <p>A {@link BadUserRequestException} on purpose: the engine's command context logs those at DEBUG (its
 * {@code ENGINE-16004} ERROR with a stack trace is for real failures), so a refused form does not look like an
 * incident in the log. A broken model or a missing row is not a refusal: those stay engine errors.
 */
public class FormRefusal extends BadUserRequestException {

  private static final List<Locale> LANGUAGES = List.of(MessagesConfiguration.DUTCH, Locale.ENGLISH);
  private static final MessageSource TEXTS = texts();

  private final String key;
  private final List<String> arguments;

  /** A refusal with text {@code refusal.<key>}; arguments fill {@code {0}}, {@code {1}}, … as plain text. */
  public FormRefusal(String key, Object... arguments) {
    this(null, key, arguments);
  }

  /** The same, keeping the exception that found the problem as the cause. */
  public FormRefusal(Throwable cause, String key, Object... arguments) {
    this(language(), cause, key, strings(arguments));
  }

  private FormRefusal(Locale language, Throwable cause, String key, List<String> arguments) {
    super(text(key, arguments, language), cause);
    this.key = key;
    this.arguments = arguments;
  }

  /** The message key, without the {@code refusal.} prefix. */
  public String key() {
    return key;
  }

  public List<String> arguments() {
    return arguments;
  }

  /** The text in another language, e.g. for a test or a page that knows its reader. */
  public String message(Locale language) {
    return text(key, arguments, language);
  }

  /**
   * One part of a refusal that lists several problems (e.g. a field's name), in the language a refusal made now
   * would speak.
   */
  public static String phrase(String key, Object... arguments) {
    return text(key, strings(arguments), language());
  }

  private static String text(String key, List<String> arguments, Locale language) {
    return TEXTS.getMessage("refusal." + key, arguments.toArray(), language);
  }

  /** The language of the HTTP request this thread serves, when it asks for one we speak; else Dutch. */
  public static Locale language() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      if (request.getHeader("Accept-Language") != null) {
        for (Locale asked : Collections.list(request.getLocales())) {
          for (Locale language : LANGUAGES) {
            if (language.getLanguage().equals(asked.getLanguage())) {
              return language;
            }
          }
        }
      }
    }
    return MessagesConfiguration.DUTCH;
  }

  private static List<String> strings(Object[] arguments) {
    return Arrays.stream(arguments).map(String::valueOf).toList();
  }

  private static MessageSource texts() {
    ReloadableResourceBundleMessageSource texts = new ReloadableResourceBundleMessageSource();
    texts.setBasename("classpath:i18n/refusals");
    texts.setDefaultEncoding("UTF-8");
    texts.setDefaultLocale(MessagesConfiguration.DUTCH);
    texts.setFallbackToSystemLocale(false);
    texts.setCacheMillis(-1);
    return texts;
  }
}
