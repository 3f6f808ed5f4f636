package org.migcheck.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.migcheck.InputException;

/** The pairing rule alone, on document descriptions: each rule, their order, and the errors. */
class HostPairingTest {
  private final List<HostPairing.Doc> caps = new ArrayList<>();
  private final List<HostPairing.Doc> domcaps = new ArrayList<>();
  private int seq;

  private void caps(String source, int argument, String uuid) {
    caps.add(new HostPairing.Doc(source, seq++, argument, "arg" + argument, false, uuid));
  }

  private void domcaps(String source, int argument, String uuid) {
    domcaps.add(new HostPairing.Doc(source, seq++, argument, "arg" + argument, false, uuid));
  }

  private int[] pair() {
    return HostPairing.pair(caps, domcaps);
  }

  @Test
  void everyDomcapsSuffixInOneDirectoryPairsByName() {
    caps("d/a.xml", 0, null);
    caps("d/b.xml", 0, null);
    caps("d/c.xml", 0, null);
    domcaps("d/a_domcaps.xml", 0, null);
    domcaps("d/b-domcaps.xml", 0, null);
    domcaps("d/c.domcaps.xml", 0, null);
    assertThat(pair()).containsExactly(0, 1, 2);
  }

  @Test
  void aNameInAnotherDirectoryPairsOnlyWhenItIsUnique() {
    caps("x/a.xml", 0, null);
    caps("y/b.xml", 1, null);
    caps("z/b.xml", 2, null);
    domcaps("w/a-domcaps.xml", 3, null);
    domcaps("w/b-domcaps.xml", 3, null);
    assertThat(pair()).containsExactly(0, -1);
  }

  @Test
  void concatenatedFilesPairDocumentByDocument() {
    caps("fleet.xml#1", 0, null);
    caps("fleet.xml#2", 0, null);
    domcaps("fleet-domcaps.xml#1", 1, null);
    domcaps("fleet-domcaps.xml#2", 1, null);
    assertThat(pair()).containsExactly(0, 1);
  }

  @Test
  void rightAfterItsCapabilitiesInOneFileWinsOverNames() {
    caps("h.xml#1", 0, null);
    domcaps("h.xml#2", 0, null);
    caps("h.xml#3", 0, null);
    domcaps("h.xml#4", 0, null);
    assertThat(pair()).containsExactly(0, 1);
  }

  @Test
  void aUuidWinsOverEverythingButAnExplicitHost() {
    caps("a.xml", 0, "u-1");
    caps("b.xml", 1, "u-2");
    domcaps("b.xml#2", 1, "u-1"); // right after b, but its uuid names a
    assertThat(pair()).containsExactly(0);
  }

  @Test
  void anArgumentWithOneOfEachIsOneHostWhateverTheNames() {
    caps("dir/host.xml", 0, null);
    domcaps("dir/qemu-view.xml", 0, null);
    caps("other.xml", 1, null);
    domcaps("lone.xml", 2, null);
    assertThat(pair()).containsExactly(0, -1);
  }

  @Test
  void anExplicitHostPairsItsTwoFiles() {
    caps.add(new HostPairing.Doc("p.xml", seq++, 0, "p.xml,q.xml", true, null));
    domcaps.add(new HostPairing.Doc("q.xml", seq++, 0, "p.xml,q.xml", true, "elsewhere"));
    assertThat(pair()).containsExactly(0);
  }

  @Test
  void anExplicitHostMustBeOneHost() {
    caps.add(new HostPairing.Doc("p.xml", seq++, 0, "p.xml,r.xml", true, null));
    caps.add(new HostPairing.Doc("r.xml", seq++, 0, "p.xml,r.xml", true, null));
    assertThatThrownBy(this::pair)
        .isInstanceOf(InputException.class)
        .hasFieldOrPropertyWithValue("source", "p.xml,r.xml")
        .hasMessageContaining("2 <capabilities> documents: give one host");
  }

  @Test
  void mistakesAreInputErrors() {
    caps("h.xml", 0, "u-1");
    domcaps("h-domcaps.xml", 1, null);
    domcaps("d/h.domcaps.xml", 2, null);
    assertThatThrownBy(this::pair)
        .hasFieldOrPropertyWithValue("source", "d/h.domcaps.xml")
        .hasMessageContaining("a second domain capabilities document for host h.xml (the first is h-domcaps.xml)");
    domcaps.remove(1);
    domcaps("n.xml", 3, "nope");
    assertThatThrownBy(this::pair)
        .hasFieldOrPropertyWithValue("source", "n.xml")
        .hasMessageContaining("host uuid nope, which no capabilities document has");
  }

  @Test
  void namesOfFilesAndHosts() {
    assertThat(HostPairing.file("dir/f.xml#12")).isEqualTo("dir/f.xml");
    assertThat(HostPairing.file("dir/f#x.xml")).isEqualTo("dir/f#x.xml");
    assertThat(HostPairing.shortName("dir/host-7.xml#3")).isEqualTo("host-7#3");
    assertThat(HostPairing.expectedCapsName("d/x_domcaps.xml#2")).isEqualTo("d/x.xml#2");
    assertThat(HostPairing.isDomcapsName("a.DOMCAPS.xml")).isTrue();
    assertThat(HostPairing.isDomcapsName("a.xml")).isFalse();
    assertThat(HostPairing.domcapsNames("a.xml"))
        .containsExactly("a-domcaps.xml", "a_domcaps.xml", "a.domcaps.xml");
  }
}
