package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameOrderTest {

    @Test
    void numberedCheckpointsComeInTheirNumbersOrder() {
        List<String> names = new ArrayList<>(List.of("epoch-10", "epoch-2", "epoch-1", "epoch-100", "epoch-20"));
        names.sort(NameOrder.NATURAL);
        assertThat(names).containsExactly("epoch-1", "epoch-2", "epoch-10", "epoch-20", "epoch-100");
    }

    @Test
    void paddedAndUnpaddedNumbersAndTextStillOrderTotally() {
        List<String> names = new ArrayList<>(List.of("run-b-e2", "e02", "run-a-e10", "e2", "run-a-e9", "e1x", "e"));
        names.sort(NameOrder.NATURAL);
        assertThat(names).containsExactly("e", "e1x", "e02", "e2", "run-a-e9", "run-a-e10", "run-b-e2");
        assertThat(NameOrder.NATURAL.compare("e02", "e2")).isNegative();
        assertThat(NameOrder.NATURAL.compare("e2", "e02")).isPositive();
        assertThat(NameOrder.NATURAL.compare("e2", "e2")).isZero();
    }

    @Test
    void numbersLongerThanALongCompareByValue() {
        assertThat(NameOrder.NATURAL.compare("s99999999999999999999", "s100000000000000000000")).isNegative();
    }
}
