package org.migcheck.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migcheck.InputException;

class NodeSetTest {
  @Test
  void libvirtSyntax() {
    assertThat(NodeSet.parse("0-3,^2, 8", "d.xml")).containsExactly(0, 1, 3, 8);
    assertThat(NodeSet.format(NodeSet.parse("0-3,^2, 8", "d.xml"))).isEqualTo("0-1,3,8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "1-0", "-1", "65536", "0-65536", "2147483648", "^", "1-2-3"})
  void badNodesetsAreBadInput(String spec) {
    assertThatThrownBy(() -> NodeSet.parse(spec, "d.xml"))
        .isInstanceOf(InputException.class)
        .hasMessage("invalid nodeset '" + spec + "'");
  }

  /** A hostile numatune of many wide ranges is cheap: ranges are set as bits, not node by node. */
  @Test
  void manyWideRangesAreCheap() {
    String spec = "0-65535,".repeat(100_000);
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(5), () -> assertThat(NodeSet.parse(spec, "d.xml")).hasSize(65_536));
  }
}
