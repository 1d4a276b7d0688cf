package org.backstrong.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pain bands of the pain-monitoring model (0–2 safe, up to 5 acceptable, above 5 not), one row per edge. */
class PainBandTest {

    static Stream<Arguments> pains() {
        return Stream.of(
                Arguments.of(0.0, "0-2"),
                Arguments.of(1.5, "0-2"),
                Arguments.of(2.0, "0-2"),
                Arguments.of(2.01, "3-5"),
                Arguments.of(3.0, "3-5"),
                Arguments.of(4.6, "3-5"),
                Arguments.of(5.0, "3-5"),
                Arguments.of(5.01, "6-10"),
                Arguments.of(6.0, "6-10"),
                Arguments.of(10.0, "6-10"));
    }

    @ParameterizedTest(name = "pain {0} is {1}")
    @MethodSource("pains")
    void bandsPainAsThePainMonitoringModelReadsIt(double pain, String band) {
        assertEquals(band, PainBand.of(pain).label());
        assertEquals(band, PainBand.labelOf(pain));
    }

    @Test
    void noPainReportedHasNoBand() {
        assertNull(PainBand.labelOf(null));
    }

    @ParameterizedTest(name = "pain {0}")
    @ValueSource(doubles = {-0.1, 10.1, Double.NaN})
    void refusesPainOutsideZeroToTen(double pain) {
        assertThrows(IllegalArgumentException.class, () -> PainBand.of(pain));
    }
}
