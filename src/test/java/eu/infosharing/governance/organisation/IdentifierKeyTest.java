package eu.infosharing.governance.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Search finds an identifier in each way people type it (the README asks for the LEI in groups of four). */
class IdentifierKeyTest {

    @Test
    void anIdentifierIsFoundHoweverItIsTyped() {
        // stored as the application stores them
        var o = IdentifierKey.keys("BE", EnterpriseNumber.normalise("0599.799.597"), null, Lei.normalise("54930084UKLVMY22DS16"), null);
        for (String typed : new String[] {"0599799597", "0599 799 597", "0599.799.597", "0599-799-597", "BE0599799597",
                "be 0599.799.597", "54930084UKLVMY22DS16", "5493 0084 UKLV MY22 DS16", "5493-0084-uklv-my22-ds16", "UKLV MY22"}) {
            assertThat(IdentifierKey.matches(o, typed)).as(typed).isTrue();
        }
        for (String typed : new String[] {"0599 799 598", "BE", "", "  ", "5493 0084 UKLV MY22 DS17"}) {
            assertThat(IdentifierKey.matches(o, typed)).as(typed).isFalse();
        }
    }
}
