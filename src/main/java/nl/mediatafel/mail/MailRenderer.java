package nl.mediatafel.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail in the recipient's language: the texts are the message keys {@code mail.<template>.subject},
 * {@code .body} (paragraphs separated by an empty line) and, for mails with a link, {@code .action}; one HTML and one
 * plain-text layout in {@code templates/mail/} lay them out. A new mail therefore needs only its keys in both
 * languages. Every value is escaped by the HTML layout.
 *
 * <p>Message arguments: {0} recipient name, {1} case number, {2} practice name, {3} until when the link works,
 * {4} the mail's detail (e.g. a referral reason or a deadline).
 */
@Component
public class MailRenderer {

  static final String KEY_PREFIX = "mail.";

  private final MessageSource messages;
  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

  MailRenderer(MessageSource messages) {
    this.messages = messages;
  }

  public RenderedMail render(String template, Locale locale, Map<String, Object> model) {
    Object[] args = {
        model.getOrDefault("recipientName", ""),
        model.getOrDefault("caseNumber", ""),
        model.getOrDefault("practiceName", ""),
        model.getOrDefault("linkExpiry", ""),
        model.getOrDefault("detail", "")};
    String subject = message(template, "subject", args, locale);
    Map<String, Object> variables = new LinkedHashMap<>(model);
    variables.put("subject", subject);
    variables.put("greeting", messages.getMessage("mail.greeting", args, locale));
    variables.put("paragraphs", List.of(message(template, "body", args, locale).split("\\n\\s*\\n")));
    variables.put("actionLabel", model.containsKey("link") ? message(template, "action", args, locale) : null);
    variables.put("linkNote", model.containsKey("linkExpiry") ? messages.getMessage("mail.link-note", args, locale)
        : null);
    variables.put("closing", messages.getMessage("mail.closing", args, locale));
    variables.put("footer", messages.getMessage("mail.footer", args, locale));
    Context context = new Context(locale, variables);
    return new RenderedMail(subject, html.process("layout", context), text.process("layout", context));
  }

  /** Mails sent by the application or by a dedicated delegate, not by {@code sendEmail} (the portal's code, …). */
  public static final Set<String> INTERNAL = Set.of("portal-code", "portal-link-renewed", "intake-safety-flag",
      "session-invitation", "session-reminder", "session-cancelled", "case-ended-session-cancelled",
      "forum-message-mediator");

  /** The mails designers may send with {@code sendEmail}: all but the {@link #INTERNAL} ones. */
  public static Set<String> designerTemplates() {
    Set<String> names = new TreeSet<>(knownTemplates());
    names.removeAll(INTERNAL);
    return names;
  }

  /** The mails that exist: every {@code mail.<template>.subject} key of the Dutch texts. */
  public static Set<String> knownTemplates() {
    Set<String> names = new TreeSet<>();
    dutchKeys().stream()
        .filter(key -> key.startsWith(KEY_PREFIX) && key.endsWith(".subject"))
        .map(key -> key.substring(KEY_PREFIX.length(), key.length() - ".subject".length()))
        .forEach(names::add);
    return names;
  }

  private static Set<String> dutchKeys() {
    return DutchKeys.KEYS;
  }

  /** Read once, on first use. */
  private static final class DutchKeys {
    static final Set<String> KEYS = load();

    private static Set<String> load() {
      try {
        return Set.copyOf(PropertiesLoaderUtils.loadProperties(new ClassPathResource("i18n/mail_nl.properties"))
            .stringPropertyNames());
      } catch (java.io.IOException e) {
        throw new IllegalStateException("i18n/mail_nl.properties cannot be read", e);
      }
    }
  }

  /** Whether the mail has a button ({@code mail.<template>.action}). */
  public static boolean hasAction(String template) {
    return dutchKeys().contains(KEY_PREFIX + template + ".action");
  }

  private String message(String template, String part, Object[] args, Locale locale) {
    try {
      return messages.getMessage(KEY_PREFIX + template + "." + part, args, locale);
    } catch (NoSuchMessageException e) {
      throw new IllegalArgumentException("No mail template '" + template + "' (missing " + KEY_PREFIX + template + "."
          + part + " for " + locale + "); known templates: " + knownTemplates(), e);
    }
  }

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

}
