package nl.mediatafel.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Every code of a case has words for people in both languages (docs/adr/0013): a new enum constant without its text
 * fails here, not on a page that would show the code.
 */
class DomainCodesTest {

  @ParameterizedTest
  @ValueSource(strings = {"nl", "en"})
  void everyStatusRoutePayerAndReferrerHasWords(String language) throws IOException {
    assertWords("pages", language, CaseStatus.values(), CaseStatus::messageKey);
    assertWords("pages", language, Route.values(), Route::messageKey);
    assertWords("documents", language, PayerKind.values(), payer -> "payer." + payer.name());
    assertWords("request", language, PayerKind.values(), payer -> "request.payer." + payer.name());
    assertWords("request", language, ReferrerType.values(), type -> "request.referrerType." + type.name());
  }

  @Test
  void aStatusEndsTheCaseOnlyWhenNoStepFollows() {
    assertThat(Arrays.stream(CaseStatus.values()).filter(CaseStatus::hasEnded)).containsExactlyInAnyOrder(
        CaseStatus.CLOSED, CaseStatus.TERMINATED, CaseStatus.REFERRED, CaseStatus.STOPPED,
        CaseStatus.SIGNING_CANCELLED, CaseStatus.CONVERTED);
  }

  private static <E extends Enum<E>> void assertWords(String area, String language, E[] codes,
      Function<E, String> key) throws IOException {
    Properties texts = PropertiesLoaderUtils.loadProperties(
        new EncodedResource(new ClassPathResource("i18n/" + area + "_" + language + ".properties"), "UTF-8"));
    for (E code : codes) {
      assertThat(texts.getProperty(key.apply(code))).as("i18n/%s_%s: %s", area, language, key.apply(code))
          .isNotBlank().isNotEqualTo(code.name());
    }
  }
}
