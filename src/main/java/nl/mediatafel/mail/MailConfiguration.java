package nl.mediatafel.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration
class MailConfiguration {

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
