package nl.mediatafel.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostsTest {

  @Test
  void hoursTimesRatePlusPlatformFeePlusVatRoundedToCents() {
    Costs costs = Costs.from(Map.of("hours", 6.5, "hourlyRate", 125, "platformFee", "95")).orElseThrow();

    assertThat(costs.mediatorFee()).isEqualByComparingTo("812.50");
    assertThat(costs.subtotal()).isEqualByComparingTo("907.50");
    assertThat(costs.vat()).isEqualByComparingTo("190.58");
    assertThat(costs.total()).isEqualByComparingTo("1098.08");
    assertThat(costs.vatPercentage()).isEqualTo(21);
    assertThat(costs.hasPlatformFee()).isTrue();
  }

  @Test
  void withoutHoursOrPlatformFeeThoseCountAsZero() {
    Costs costs = Costs.from(Map.of("hourlyRate", new BigDecimal("99.99"))).orElseThrow();

    assertThat(costs.mediatorFee()).isEqualByComparingTo("0.00");
    assertThat(costs.hasPlatformFee()).isFalse();
    assertThat(costs.hourlyRate()).isEqualByComparingTo("99.99");
  }

  @Test
  void withoutHourlyRateThereAreNoCosts() {
    assertThat(Costs.from(Map.of("hours", 3))).isEmpty();
  }

  @Test
  void anAmountThatIsNotANumberIsRefusedByName() {
    assertThatThrownBy(() -> Costs.from(Map.of("hourlyRate", "honderd")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'hourlyRate' is not an amount: honderd");
    assertThatThrownBy(() -> Costs.from(Map.of("hourlyRate", -1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void partiesShareTheTotalEquallyToTheCentAndALegalAidPartyPaysOnlyItsOwnContribution() {
    // 1098.08 over three parties: 366.02 + 366.03 + 366.03 would also add up; we give the odd cents to the first
    Costs costs = Costs.from(Map.of("hours", 6.5, "hourlyRate", 125, "platformFee", "95")).orElseThrow();
    var shares = costs.shares(java.util.List.of(
        Map.of("name", "Jan", "payer", "SELF"),
        Map.of("name", "Emma", "payer", "LEGAL_AID"),
        Map.of("name", "Bakkerij BV", "payer", "INSURER")), new BigDecimal("63.00"));

    assertThat(shares).extracting(Costs.CostShare::share).map(BigDecimal::toPlainString)
        .containsExactly("366.03", "366.03", "366.02");
    assertThat(shares.stream().map(Costs.CostShare::share).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(costs.total());
    assertThat(shares.get(0)).extracting(Costs.CostShare::byParty, Costs.CostShare::byOthers)
        .containsExactly(new BigDecimal("366.03"), new BigDecimal("0.00"));
    assertThat(shares.get(1)).as("legal aid: own contribution, the rest via the Raad voor Rechtsbijstand")
        .extracting(Costs.CostShare::byParty, Costs.CostShare::byOthers)
        .containsExactly(new BigDecimal("63.00"), new BigDecimal("303.03"));
    assertThat(shares.get(2)).extracting(Costs.CostShare::byParty, Costs.CostShare::byOthers)
        .containsExactly(new BigDecimal("0.00"), new BigDecimal("366.02"));
  }

  @Test
  void aShareSmallerThanTheOwnContributionIsAllALegalAidPartyPays() {
    Costs costs = Costs.from(Map.of("hours", 0.5, "hourlyRate", 100)).orElseThrow();
    var shares = costs.shares(java.util.List.of(Map.of("name", "Emma", "payer", "LEGAL_AID"),
        Map.of("name", "Jan", "payer", "SELF")), new BigDecimal("63.00"));

    assertThat(costs.total()).isEqualByComparingTo("60.50");
    assertThat(shares.get(0).byParty()).isEqualByComparingTo("30.25");
    assertThat(shares.get(0).byOthers()).isEqualByComparingTo("0.00");
  }
}
