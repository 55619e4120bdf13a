package nl.mediatafel.process;

import java.math.BigDecimal;

/**
 * A euro amount as a form hands it over (a Camunda Forms number field submits a {@code Long} or a {@code Double}),
 * converted once into what our {@code decimal(8,2)} columns hold: a {@link BigDecimal} with scale 2. Our tables are
 * the source of an amount from then on (documents read them); the form's variable is only the input. Negative, too
 * large or with more than two decimals is a {@link FormRefusal} naming the field.
 */
public final class FormAmount {

  /** The largest amount a {@code decimal(8,2)} column holds. */
  public static final BigDecimal MAX = new BigDecimal("999999.99");

  private FormAmount() {}

  /**
   * @param field the key of the field's name under {@code refusal.amount.} (e.g. {@code hourly-rate})
   * @return the amount with scale 2, or null for no value
   * @throws FormRefusal when the value is no amount, negative, larger than {@link #MAX} or has more than 2 decimals
   */
  public static BigDecimal of(Object value, String field) {
    if (value == null || value instanceof String text && text.isBlank()) {
      return null;
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new FormRefusal(e, "amount.unreadable", name(field), value);
    }
    if (amount.signum() < 0) {
      throw new FormRefusal("amount.negative", name(field), amount.toPlainString());
    }
    if (amount.compareTo(MAX) > 0) {
      throw new FormRefusal("amount.too-large", name(field), amount.toPlainString(), MAX.toPlainString());
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new FormRefusal("amount.cents", name(field), amount.toPlainString());
    }
    return amount.setScale(2);
  }

  private static String name(String field) {
    return FormRefusal.phrase("amount." + field);
  }
}
