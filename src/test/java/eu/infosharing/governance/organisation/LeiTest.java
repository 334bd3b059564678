package eu.infosharing.governance.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import eu.infosharing.governance.support.Identifiers;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LeiTest {

    @ParameterizedTest
    @ValueSource(strings = {"54930084UKLVMY22DS16", "5493 0084 UKLV MY22 DS16", "54930084uklvmy22ds16",
            "529900T8BM49AURSDO55", "HWUPKR0MPOU8FGXBT394"})
    void acceptsValidLeis(String input) {
        assertThat(Lei.problem(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "54930084UKLVMY22DS17, wrong check digits",
            "54930084UKLVMY22DS61, wrong check digits",
            "64930084UKLVMY22DS16, wrong check digits",
            "54930084UKLVMY22DS1, must be 20 characters",
            "54930084UKLVMY22DSAB, must be 20 characters",
            "54930084-KLVMY22DS16, must be 20 characters"})
    void refusesInvalidLeisWithTheReason(String input, String reason) {
        assertThat(Lei.problem(input)).hasValueSatisfying(p -> assertThat(p).contains(reason));
    }

    @RepeatedTest(5)
    void theTestGeneratorMakesValidLeis() {
        assertThat(Lei.problem(Identifiers.lei())).isEmpty();
    }

    @Test
    void storesUpperCaseAndDisplaysInGroupsOfFour() {
        assertThat(Lei.normalise(" 54930084uklvmy22ds16 ")).isEqualTo("54930084UKLVMY22DS16");
        assertThat(Lei.format("54930084UKLVMY22DS16")).isEqualTo("5493 0084 UKLV MY22 DS16");
    }
}
