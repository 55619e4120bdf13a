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

  /** The route on which nobody uses the online platform, so no platform fee is charged. */
  public static final String FACE_TO_FACE = "FACE_TO_FACE";

  /**
   * The costs from a document model ({@link DocumentModelSource#HOURLY_RATE}, {@link DocumentModelSource#HOURS},
   * {@link DocumentModelSource#PLATFORM_FEE}); empty when the model has no hourly rate.
   *
   * <p>The platform fee pays for the online platform (forum, video), so it is charged on the online and hybrid routes
   * only: on a {@value #FACE_TO_FACE} case a fee entered at triage is left out of every document. If the case later
   * switches to an online route, the fee agreed at triage applies from the documents made after the switch.
   */
  public static Optional<Costs> from(Map<String, ?> model) {
    Object rate = model.get(DocumentModelSource.HOURLY_RATE);
    if (rate == null) {
      return Optional.empty();
    }
    boolean faceToFace = FACE_TO_FACE.equals(String.valueOf(model.get(DocumentModelSource.ROUTE)));
    return Optional.of(new Costs(
        amount(DocumentModelSource.HOURS, model.get(DocumentModelSource.HOURS)),
        amount(DocumentModelSource.HOURLY_RATE, rate),
        faceToFace ? BigDecimal.ZERO
            : amount(DocumentModelSource.PLATFORM_FEE, model.get(DocumentModelSource.PLATFORM_FEE))));
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

  /**
   * Who pays what of {@link #total()}: the parties share it equally (the cents that do not divide go to the first
   * parties, so the shares add up exactly). A party paying through a legal-aid certificate (toevoeging) pays only the
   * own contribution (eigen bijdrage) and the rest of its share is claimed from the Raad voor Rechtsbijstand; a party
   * whose employer or insurer pays pays nothing itself.
   *
   * @param parties the model's {@link DocumentModelSource#PARTIES} (name and payer)
   * @param legalAidOwnContribution the own contribution of a legal-aid party, including VAT
   */
  public java.util.List<CostShare> shares(java.util.List<? extends Map<String, ?>> parties,
      BigDecimal legalAidOwnContribution) {
    if (parties.isEmpty()) {
      return java.util.List.of();
    }
    BigDecimal count = BigDecimal.valueOf(parties.size());
    BigDecimal base = total().divide(count, 2, RoundingMode.DOWN);
    int extraCents = total().subtract(base.multiply(count)).movePointRight(2).intValueExact();
    java.util.List<CostShare> shares = new java.util.ArrayList<>();
    for (int i = 0; i < parties.size(); i++) {
      Map<String, ?> party = parties.get(i);
      BigDecimal share = i < extraCents ? base.add(new BigDecimal("0.01")) : base;
      String payer = String.valueOf(party.get(DocumentModelSource.PARTY_PAYER) == null ? "SELF"
          : party.get(DocumentModelSource.PARTY_PAYER));
      BigDecimal own = switch (payer) {
        case "SELF" -> share;
        case "LEGAL_AID" -> share.min(legalAidOwnContribution);
        default -> BigDecimal.ZERO.setScale(2);
      };
      shares.add(new CostShare(String.valueOf(party.get(DocumentModelSource.PARTY_NAME)), payer, share, own,
          share.subtract(own)));
    }
    return shares;
  }

  /**
   * One party's part of the costs, including VAT.
   *
   * @param byParty what the party pays itself
   * @param byOthers what its legal-aid board, insurer or employer pays
   */
  public record CostShare(String name, String payer, BigDecimal share, BigDecimal byParty, BigDecimal byOthers) {}

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
