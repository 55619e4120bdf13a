package nl.mediatafel.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The costs of a mediation as the documents show them: the mediator's hours at an hourly rate, plus the one-time
 * platform fee of an online mediation, plus VAT. Computed here, once, so the templates only print amounts and a
 * cost statement always adds up.
 *
 * @param hours hours worked (0 while the mediation has not started, as in the mediation agreement)
 * @param hourlyRate the mediator's hourly rate, excluding VAT
 * @param platformFee the one-time fee for the online platform, excluding VAT; 0 for face-to-face mediation
 */
public record Costs(BigDecimal hours, BigDecimal hourlyRate, BigDecimal platformFee) {

  /** The Dutch standard VAT rate (21%), which applies to mediation services. */
  public static final BigDecimal VAT_RATE = new BigDecimal("0.21");

  public Costs {
    Objects.requireNonNull(hours, "hours");
    Objects.requireNonNull(hourlyRate, "hourlyRate");
    Objects.requireNonNull(platformFee, "platformFee");
    if (hours.signum() < 0 || hourlyRate.signum() < 0 || platformFee.signum() < 0) {
      throw new IllegalArgumentException("Costs cannot be negative: " + hours + " h, rate " + hourlyRate
          + ", platform fee " + platformFee);
    }
  }

  /**
   * The costs from a document model ({@link DocumentModelSource#HOURLY_RATE}, {@link DocumentModelSource#HOURS},
   * {@link DocumentModelSource#PLATFORM_FEE}); empty when the model has no hourly rate.
   */
  public static Optional<Costs> from(Map<String, ?> model) {
    Object rate = model.get(DocumentModelSource.HOURLY_RATE);
    if (rate == null) {
      return Optional.empty();
    }
    return Optional.of(new Costs(
        amount(DocumentModelSource.HOURS, model.get(DocumentModelSource.HOURS)),
        amount(DocumentModelSource.HOURLY_RATE, rate),
        amount(DocumentModelSource.PLATFORM_FEE, model.get(DocumentModelSource.PLATFORM_FEE))));
  }

  /** hours × hourly rate, in cents. */
  public BigDecimal mediatorFee() {
    return cents(hours.multiply(hourlyRate));
  }

  public boolean hasPlatformFee() {
    return platformFee.signum() > 0;
  }

  /** Everything excluding VAT. */
  public BigDecimal subtotal() {
    return cents(mediatorFee().add(platformFee));
  }

  public BigDecimal vat() {
    return cents(subtotal().multiply(VAT_RATE));
  }

  /** Everything including VAT. */
  public BigDecimal total() {
    return subtotal().add(vat());
  }

  public int vatPercentage() {
    return VAT_RATE.movePointRight(2).intValueExact();
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  /** Process variables arrive as Integer, Long, Double, BigDecimal or text; all become exact decimals here. */
  private static BigDecimal amount(String name, Object value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number || value instanceof CharSequence) {
      try {
        return new BigDecimal(value.toString().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + name + "' is not an amount: " + value, e);
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not an amount but a " + value.getClass().getName());
  }
}
