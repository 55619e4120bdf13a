package nl.mediatafel.closing;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a closed case's dossier is kept. The MfN rules and the Dutch tax rules ask for five years; a later purge
 * deletes the personal data of a case once its {@code retain_until} (closing date + this period) has passed.
 *
 * @param dossier the retention period of a closed dossier ({@code mediatafel.retention.dossier}, default P5Y)
 */
@ConfigurationProperties("mediatafel.retention")
public record RetentionProperties(Period dossier) {

  public static final Period DEFAULT_DOSSIER = Period.ofYears(5);

  public RetentionProperties {
    dossier = dossier != null ? dossier : DEFAULT_DOSSIER;
  }
}
