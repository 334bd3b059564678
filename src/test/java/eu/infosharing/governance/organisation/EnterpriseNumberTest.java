package eu.infosharing.governance.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnterpriseNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"0599.799.597", "0599799597", "0599 799 597", " 0403.170.701 ", "1000.000.021"})
    void acceptsValidNumbersWhateverTheFormatting(String input) {
        assertThat(EnterpriseNumber.problem(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "0599.799.598, wrong check number",
            "0599.799.579, wrong check number",
            "2599.799.597, must start with 0 or 1",
            "0599.799.59, must be 10 digits",
            "0599.799.5977, must be 10 digits",
            "BE0599799597, must be 10 digits",
            "0599-799-597, must be 10 digits"})
    void refusesInvalidNumbersWithTheReason(String input, String reason) {
        assertThat(EnterpriseNumber.problem(input)).hasValueSatisfying(p -> assertThat(p).contains(reason));
    }

    @Test
    void refusesEmptyInput() {
        assertThat(EnterpriseNumber.problem(null)).contains("is required");
        assertThat(EnterpriseNumber.problem("  ")).contains("is required");
    }

    @Test
    void storesDigitsAndDisplaysWithDots() {
        assertThat(EnterpriseNumber.normalise("0599.799 597")).isEqualTo("0599799597");
        assertThat(EnterpriseNumber.format("0599799597")).isEqualTo("0599.799.597");
    }
}
