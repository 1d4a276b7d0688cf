package org.backstrong.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which clinics an analyst's query reads, from the token's clinic_ids. */
class AnalystClinicsTest {

    static Stream<Arguments> queries() {
        List<String> both = List.of("clinic-a", "clinic-b");
        return Stream.of(
                Arguments.of(both, null, Optional.of(both)),
                Arguments.of(both, "clinic-a", Optional.of(List.of("clinic-a"))),
                Arguments.of(both, "clinic-b", Optional.of(List.of("clinic-b"))),
                Arguments.of(both, "clinic-c", Optional.empty()),
                Arguments.of(both, "CLINIC-A", Optional.empty()),
                Arguments.of(List.of(), null, Optional.of(List.of())),
                Arguments.of(List.of(), "clinic-a", Optional.empty()));
    }

    @ParameterizedTest(name = "{0} asking for {1}")
    @MethodSource("queries")
    void readsTheAskedClinicOnlyWhenItIsTheAnalysts(
            List<String> allowed, String requested, Optional<List<String>> read) {
        assertEquals(read, AnalystClinics.of(allowed, requested));
    }
}
