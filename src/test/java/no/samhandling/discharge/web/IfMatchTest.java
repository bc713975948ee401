package no.samhandling.discharge.web;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTest {

    @Test
    void absentHeaderMeansNoVersionCheck() {
        assertThat(IfMatch.version(null)).isEmpty();
        assertThat(IfMatch.version("  ")).isEmpty();
    }

    @Test
    void acceptsQuotedWeakAndBareVersions() {
        assertThat(IfMatch.version("\"3\"")).isEqualTo(OptionalLong.of(3));
        assertThat(IfMatch.version("W/\"4\"")).isEqualTo(OptionalLong.of(4));
        assertThat(IfMatch.version("5")).isEqualTo(OptionalLong.of(5));
    }

    @Test
    void refusesSomethingThatIsNotAVersion() {
        assertThatThrownBy(() -> IfMatch.version("\"abc\""))
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type())
                .isEqualTo(ProblemType.VALIDATION_FAILED);
    }
}
