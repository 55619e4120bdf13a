package nl.mediatafel.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Pages speak Dutch, or English when the browser asks for it; a page about a known person (the portal) speaks that
 * person's language whatever the browser says, by setting {@link #LANGUAGE_ATTRIBUTE} on the request.
 */
@Configuration
public class LocaleConfiguration {

  /** A request attribute holding the {@link Locale} to render in. */
  public static final String LANGUAGE_ATTRIBUTE = LocaleConfiguration.class.getName() + ".locale";

  @Bean
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver() {
      @Override
      public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(LANGUAGE_ATTRIBUTE) instanceof Locale locale) {
          return locale;
        }
        return super.resolveLocale(request);
      }
    };
    resolver.setSupportedLocales(List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH));
    resolver.setDefaultLocale(Locale.forLanguageTag("nl"));
    return resolver;
  }
}
