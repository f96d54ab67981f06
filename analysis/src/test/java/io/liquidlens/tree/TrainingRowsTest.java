package io.liquidlens.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingRowsTest {

    @Test
    void rowsUnderTheCapAreAllKeptAsTheyAre() {
        int[] rows = {3, 4, 9, 10};
        assertThat(TrainingRows.capped(rows, 4)).isSameAs(rows);
        assertThat(TrainingRows.capped(rows, 100)).isSameAs(rows);
        assertThat(TrainingRows.choice(4, 4)).isEqualTo(TrainingRows.ALL);
    }

    @Test
    void rowsOverTheCapAreEvenlySpacedInTheirOrder() {
        int[] rows = new int[10];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = 100 + 2 * i;
        }
        assertThat(TrainingRows.capped(rows, 5)).containsExactly(100, 104, 108, 112, 116);
        assertThat(TrainingRows.capped(rows, 3)).containsExactly(100, 106, 112);
        assertThat(TrainingRows.capped(rows, 1)).containsExactly(100);
        assertThat(TrainingRows.choice(10, 3)).isEqualTo(TrainingRows.EVENLY_SPACED);
    }

    @Test
    void aMillionRowsCappedToAHundredThousandTakeEveryTenth() {
        int[] rows = new int[1_000_000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        int[] used = TrainingRows.capped(rows, 100_000);
        assertThat(used).hasSize(100_000);
        for (int i = 0; i < used.length; i++) {
            assertThat(used[i]).isEqualTo(10 * i);
        }
    }

    @Test
    void aCapBelowOneIsRefused() {
        assertThatThrownBy(() -> TrainingRows.capped(new int[] {1}, 0)).hasMessageContaining("got 0");
    }
}
