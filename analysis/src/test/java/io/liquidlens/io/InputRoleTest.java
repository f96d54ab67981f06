package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class InputRoleTest {
    @Test
    void aListOfNameRolePairsIsReadInTheOrderGiven() {
        assertThat(InputRole.parseList(" noise1 = distractor, d=task,x=other ")).containsExactly(
                entry("noise1", InputRole.DISTRACTOR), entry("d", InputRole.TASK), entry("x", InputRole.OTHER));
        assertThat(InputRole.parseList("  ")).isEmpty();
        assertThat(InputRole.parseList(null)).isEmpty();
    }

    @Test
    void theSampleWorldsNamesGiveRolesAlsoUnderTheLaneOffsetsEarlierName() {
        for (String task : new String[] {"d_lane", "d", "mu", "kappa"}) {
            assertThat(InputRole.byConvention(task)).as(task).isEqualTo(InputRole.TASK);
        }
        assertThat(InputRole.byConvention("noise_1")).isEqualTo(InputRole.DISTRACTOR);
        assertThat(InputRole.byConvention("spurious_1")).isEqualTo(InputRole.DISTRACTOR);
        assertThat(InputRole.byConvention("d_metres")).isEqualTo(InputRole.OTHER);
        assertThat(InputRole.byConvention("noise1")).isEqualTo(InputRole.OTHER);
    }

    @Test
    void aBadItemIsOneLineNamingIt() {
        assertThatThrownBy(() -> InputRole.parseList("d=task,noise1"))
                .hasMessage("'noise1' is not NAME=ROLE (ROLE one of task, distractor, other)");
        assertThatThrownBy(() -> InputRole.parseList("d=shortcut"))
                .hasMessage("'d=shortcut': 'shortcut' is not a role; accepted: task, distractor, other");
        assertThatThrownBy(() -> InputRole.parseList("d=task,d=other")).hasMessage("'d' is given twice");
        assertThatThrownBy(() -> InputRole.parseList(",".repeat(InputRole.MAX_LIST_ITEMS)))
                .hasMessage((InputRole.MAX_LIST_ITEMS + 1) + " items; at most " + InputRole.MAX_LIST_ITEMS);
    }
}
