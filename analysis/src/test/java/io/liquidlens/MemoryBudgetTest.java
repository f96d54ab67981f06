package io.liquidlens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    @Test
    void aNeedOverTheHeapNamesBothNumbersAndTheXmxThatWouldDo() {
        assertThatThrownBy(() -> MemoryBudget.require("model.json: this network", 6_200_000_000L, 6_000_000_000L))
                .isInstanceOf(LiquidLensException.class)
                .hasMessage("model.json: this network needs about 6.2 GB, Java may use 6.0 GB; run java -Xmx10g -jar"
                        + " liquidlens.jar ... if the machine has that much memory, or give smaller sizes");
    }

    @Test
    void aNeedWithinTheHeapPasses() {
        assertThatCode(() -> MemoryBudget.require("x", 5_000_000_000L, 6_000_000_000L)).doesNotThrowAnyException();
    }

    @Test
    void productsSaturateInsteadOfWrappingAround() {
        assertThat(MemoryBudget.product(1L << 40, 1L << 40)).isEqualTo(Long.MAX_VALUE);
        assertThat(MemoryBudget.product(3, 4, 5)).isEqualTo(60);
        assertThat(MemoryBudget.sum(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aValueOverItsLimitNamesTheValueAndTheLimit() {
        assertThatThrownBy(() -> Limits.atMost("--bins", 1001, Limits.BINS))
                .hasMessage("--bins 1001 is over the limit of 1000 (docs/FORMATS.md#limits)");
        assertThat(Limits.atMost("--bins", 1000, Limits.BINS)).isEqualTo(1000);
    }
}
