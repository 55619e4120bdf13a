package nl.mediatafel.documents;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Amounts of the cost statement that the practice sets, not the case.
 *
 * @param legalAidOwnContribution the own contribution (eigen bijdrage) a party with a legal-aid certificate for
 *     mediation pays, including VAT ({@code mediatafel.costs.legal-aid-own-contribution}). The Raad voor
 *     Rechtsbijstand sets it per year and income; the practice keeps this value current. Default 63.00.
 */
@ConfigurationProperties("mediatafel.costs")
public record CostProperties(BigDecimal legalAidOwnContribution) {

  public static final BigDecimal DEFAULT_LEGAL_AID_OWN_CONTRIBUTION = new BigDecimal("63.00");

  public CostProperties {
    legalAidOwnContribution = legalAidOwnContribution != null ? legalAidOwnContribution
        : DEFAULT_LEGAL_AID_OWN_CONTRIBUTION;
  }
}
