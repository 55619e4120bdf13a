package nl.mediatafel.i18n;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * All texts people read (mail, documents, pages) come from {@code i18n/<area>_nl.properties} and
 * {@code i18n/<area>_en.properties}; Dutch is the default. {@code MessagesTest} fails when a key is missing in a
 * language. A missing key never falls back to another language silently: it fails where it is used.
 */
@Configuration
public class MessagesConfiguration {

  public static final Locale DUTCH = Locale.forLanguageTag("nl");
  public static final String[] AREAS = {"mail", "documents", "pages", "request", "portal", "intake", "forum", "staff",
      "refusals"};

  @Bean
  MessageSource messageSource() {
    ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
    for (String area : AREAS) {
      messages.addBasenames("classpath:i18n/" + area);
    }
    messages.setDefaultEncoding("UTF-8");
    messages.setDefaultLocale(DUTCH);
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
