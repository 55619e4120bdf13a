package nl.mediatafel.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration
class MailConfiguration {

  /** The system property Jakarta Mail reads before it searches the class path for its stream provider. */
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    // Jakarta Mail looks its StreamProvider up through the ServiceLoader for every message it builds; inside the
    // Spring Boot jar that scan of the nested jars was 18 % of the CPU samples of sending mail (issue #18; 4.5 % with
    // the provider named). Naming Angus's provider makes the look-up a Class.forName. An operator's -D wins.
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  /** Capture or SMTP, from {@code mediatafel.mail.delivery}; SMTP needs {@code spring.mail.host}. */
  @Bean
  MailDelivery mailDelivery(MailProperties properties, ObjectProvider<JavaMailSender> sender) {
    if (properties.delivery() == MailProperties.Delivery.SMTP) {
      JavaMailSender javaMailSender = sender.getIfAvailable();
      if (javaMailSender == null) {
        throw new IllegalStateException("mediatafel.mail.delivery=SMTP needs spring.mail.host (SPRING_MAIL_HOST)");
      }
      return new SmtpMailDelivery(javaMailSender, properties);
    }
    return new CapturedMailDelivery();
  }
}
