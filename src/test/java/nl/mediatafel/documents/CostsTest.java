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
}
