package nl.mediatafel.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** Every text exists in Dutch and English: a key missing in one language fails here, not in a party's mailbox. */
class MessagesTest {

  static String[] areas() {
    return MessagesConfiguration.AREAS;
  }

  @ParameterizedTest
  @MethodSource("areas")
  void dutchAndEnglishHaveTheSameKeys(String area) throws IOException {
    Properties dutch = load(area + "_nl");
    Properties english = load(area + "_en");
    assertThat(dutch).as("i18n/%s_nl.properties", area).isNotEmpty();
    assertThat(new TreeSet<>(english.stringPropertyNames()))
        .as("keys of i18n/%s_en.properties", area)
        .isEqualTo(new TreeSet<>(dutch.stringPropertyNames()));
    dutch.stringPropertyNames().forEach(key -> {
      assertThat(dutch.getProperty(key)).as("nl %s", key).isNotBlank();
      assertThat(english.getProperty(key)).as("en %s", key).isNotBlank();
    });
  }

  private static Properties load(String name) throws IOException {
    ClassPathResource resource = new ClassPathResource("i18n/" + name + ".properties");
    if (!resource.exists()) {
      return new Properties();
    }
    return PropertiesLoaderUtils.loadProperties(new EncodedResource(resource, "UTF-8"));
  }
}
