package io.openslb.dataplane.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openslb.dataplane.health.HealthTable.State;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The rise/fall state machine as a table. {@code results}: one character per probe, {@code +}
 * success, {@code -} failure. {@code verdicts}: what each probe reported, {@code .} nothing,
 * {@code N} became NORMAL, {@code A} became ABNORMAL.
 */
class RiseFallTest {

  static Stream<Arguments> table() {
    return Stream.of(
        // rise, fall, results, verdicts, final state (null: still unavailable)
        Arguments.of(2, 2, "", "", null),
        Arguments.of(2, 2, "+", ".", null),
        Arguments.of(2, 2, "-", ".", null),
        Arguments.of(2, 2, "++", ".N", "N"),
        Arguments.of(2, 2, "--", ".A", "A"),
        Arguments.of(3, 3, "+-+-+-", "......", null),
        Arguments.of(3, 3, "++-+++", ".....N", "N"),
        Arguments.of(3, 2, "+++--", "..N.A", "A"),
        Arguments.of(3, 2, "+++-+-", "..N...", "N"),
        Arguments.of(2, 3, "--+--", ".....", null),
        Arguments.of(2, 3, "--+---", ".....A", "A"),
        Arguments.of(2, 3, "---++", "..A.N", "N"),
        Arguments.of(2, 3, "-----", "..A..", "A"),
        Arguments.of(2, 2, "++++++", ".N....", "N"),
        Arguments.of(2, 2, "++--++--", ".N.A.N.A", "A"),
        Arguments.of(10, 10, "+++++++++-", "..........", null),
        Arguments.of(10, 2, "++++++++++", ".........N", "N"),
        Arguments.of(1, 1, "+-+", "NAN", "N"));
  }

  @ParameterizedTest(name = "rise {0} fall {1}: {2} -> {3}")
  @MethodSource("table")
  void verdicts(int rise, int fall, String results, String verdicts, String finalState) {
    RiseFall rf = new RiseFall(rise, fall);
    StringBuilder got = new StringBuilder();
    for (char c : results.toCharArray()) {
      State s = rf.record(c == '+');
      got.append(s == null ? '.' : s == State.NORMAL ? 'N' : 'A');
    }
    assertThat(got.toString()).isEqualTo(verdicts);
    State expected = finalState == null ? null : finalState.equals("N") ? State.NORMAL : State.ABNORMAL;
    assertThat(rf.state()).isEqualTo(expected);
  }

  @Test
  void thresholdsBelowOneAreRejected() {
    assertThatThrownBy(() -> new RiseFall(0, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RiseFall(3, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
