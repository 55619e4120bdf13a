package nl.mediatafel.mail;

import java.util.List;
import java.util.Map;

/**
 * A mail to render, queue and deliver.
 *
 * @param template the mail's name; its texts are the keys {@code mail.<template>.*} in {@code i18n/mail_*.properties}
 * @param model values the texts may use: {@code recipientName}, {@code caseNumber}, {@code link}, {@code detail}, …
 */
public record OutgoingMail(String caseNumber, String template, Recipient recipient, Map<String, Object> model,
    List<Attachment> attachments) {}
