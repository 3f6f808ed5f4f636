package org.migcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migcheck.cli.SampleArgs.sample;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fleet and gate on mixed libvirt versions (samples/versions: snapshot directories with their
 * manifests, and --host-libvirt): hosts of two versions are two classes, the libvirt-version axis
 * judges the migrations between them, a document naming what its libvirt does not know is bad
 * input, and suggestions and baselines are made for the oldest libvirt.
 */
class FleetGateVersionsTest {
  private static final String DEBIAN12 = sample("versions/debian12");
  private static final String DEBIAN13 = sample("versions/debian13");
  private static final String REINSTALLED = sample("versions/reinstalled");

  private static JsonObject json(CliRun r) {
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    a.forEach(e -> out.add(e.getAsString()));
    return out;
  }

  /** The class of a host, by the JSON report's members. */
  private static JsonObject classOf(JsonObject fleet, String host) {
    for (JsonElement c : fleet.getAsJsonArray("classes")) {
      if (strings(c.getAsJsonObject().getAsJsonArray("members")).contains(host)) {
        return c.getAsJsonObject();
      }
    }
    throw new AssertionError("no class holds " + host);
  }

  private static List<JsonObject> versionEdges(JsonObject fleet, String from, String to) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : fleet.getAsJsonObject("hostModelGraph").getAsJsonArray("libvirtVersion")) {
      JsonObject o = e.getAsJsonObject();
      if (o.get("from").getAsString().equals(from) && o.get("to").getAsString().equals(to)) {
        out.add(o);
      }
    }
    return out;
  }

  @Test
  void snapshotsOfTwoVersionsGetTheVersionAxisBothWays() {
    CliRun r = CliRun.run("fleet", "--format", "json", DEBIAN12, DEBIAN13);
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonObject f = json(r);
    JsonObject a = classOf(f, "skylake-a");
    JsonObject b = classOf(f, "skylake-b");
    assertThat(strings(a.getAsJsonArray("libvirt"))).containsExactly("9.0.0");
    assertThat(strings(b.getAsJsonArray("libvirt"))).containsExactly("11.3.0");
    String ca = a.get("id").getAsString();
    String cb = b.get("id").getAsString();
    // 9.0.0 -> 11.3.0: the host-model's Skylake-Server-IBRS loses mpx on 11.3.0
    assertThat(versionEdges(f, ca, cb)).singleElement().satisfies(e -> {
      assertThat(e.get("severity").getAsString()).isEqualTo("UNSAFE");
      assertThat(e.get("message").getAsString()).contains("means less on libvirt 11.3.0")
          .contains("than on libvirt 9.0.0").endsWith("the guest loses mpx");
    });
    // 11.3.0 -> 9.0.0: the host-model needs gds-no, which 9.0.0 does not know
    assertThat(versionEdges(f, cb, ca)).singleElement().satisfies(e -> {
      assertThat(e.get("severity").getAsString()).isEqualTo("UNSAFE");
      assertThat(e.get("message").getAsString()).contains("gds-no (libvirt ≥ 11.3.0)")
          .contains("which libvirt 9.0.0 on " + ca + " does not know")
          .contains(cb + " runs libvirt 11.3.0");
      assertThat(strings(e.getAsJsonArray("features"))).containsExactly("gds-no");
    });
    assertThat(strings(a.getAsJsonArray("canMoveTo"))).doesNotContain(cb);
    assertThat(strings(b.getAsJsonArray("canMoveTo"))).doesNotContain(ca);
    assertThat(f.getAsJsonArray("libvirtVersions").toString())
        .isEqualTo("[{\"version\":\"9.0.0\",\"hosts\":1},{\"version\":\"11.3.0\",\"hosts\":1}]");
    CliRun text = CliRun.run("fleet", DEBIAN12, DEBIAN13);
    assertThat(text.out()).contains("libvirt: 9.0.0 (1 host), 11.3.0 (1 host)")
        .contains("suggestions use only what libvirt 9.0.0 knows")
        .contains(ca + " -> " + cb + ": UNSAFE Skylake-Server-IBRS means less");
  }

  @Test
  void hostsOfTwoVersionsAreNeverOneClass() {
    CliRun same = CliRun.run("fleet", "--format", "json", sample("fleet"));
    CliRun split = CliRun.run("fleet", "--format", "json", sample("fleet"),
        "--host-libvirt", "skylake-a=9.0.0", "--host-libvirt", "skylake-b=11.3.0");
    assertThat(split.exit()).as(split.toString()).isZero();
    JsonObject s = json(split);
    assertThat(classOf(json(same), "skylake-a").get("id"))
        .isEqualTo(classOf(json(same), "skylake-b").get("id"));
    assertThat(s.getAsJsonArray("classes")).hasSize(json(same).getAsJsonArray("classes").size() + 1);
    String ca = classOf(s, "skylake-a").get("id").getAsString();
    String cb = classOf(s, "skylake-b").get("id").getAsString();
    assertThat(ca).isNotEqualTo(cb);
    assertThat(versionEdges(s, ca, cb)).extracting(e -> e.get("message").getAsString())
        .anyMatch(m -> m.endsWith("the guest loses mpx"));
    // the other five hosts: a note, never a guess
    assertThat(strings(s.getAsJsonArray("unknownLibvirtVersion"))).hasSize(5).contains("broadwell");
    assertThat(classOf(s, "broadwell").get("libvirt").isJsonNull()).isTrue();
    assertThat(versionEdges(s, classOf(s, "broadwell").get("id").getAsString(), cb)).isEmpty();
    assertThat(json(same).has("libvirtVersions")).isFalse();
  }

  /** 10.0.0 is read with 9.0.0's map and rules: its hosts and 9.0.0's share classes. */
  @Test
  void versionsEmulatedAlikeShareAClass() {
    CliRun r = CliRun.run("fleet", "--format", "json", sample("fleet"),
        "--host-libvirt", "skylake-a=9.0.0", "--host-libvirt", "skylake-b=10.0.0");
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonObject f = json(r);
    JsonObject c = classOf(f, "skylake-a");
    assertThat(strings(c.getAsJsonArray("members"))).containsExactly("skylake-a", "skylake-b");
    assertThat(strings(c.getAsJsonArray("libvirt"))).containsExactly("9.0.0", "10.0.0");
    assertThat(f.getAsJsonArray("libvirtVersions").toString())
        .isEqualTo("[{\"version\":\"9.0.0\",\"hosts\":1},{\"version\":\"10.0.0\",\"hosts\":1}]");
    assertThat(f.getAsJsonObject("hostModelGraph").getAsJsonArray("libvirtVersion")).isEmpty();
    // 11.3.0 is another map: two classes
    CliRun other = CliRun.run("fleet", "--format", "json", sample("fleet"),
        "--host-libvirt", "skylake-a=9.0.0", "--host-libvirt", "skylake-b=11.3.0");
    assertThat(classOf(json(other), "skylake-a").get("id"))
        .isNotEqualTo(classOf(json(other), "skylake-b").get("id"));
  }

  @Test
  void aDocumentNamingWhatItsLibvirtDoesNotKnowIsBadInput() {
    CliRun r = CliRun.run("fleet", DEBIAN13, "--host-libvirt", "skylake-b=9.0.0");
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("skylake-b-domcaps.xml").contains("gds-no")
        .contains("libvirt 9.0.0").contains("libvirt ≥ 11.3.0 knows it");
    assertThat(r.out()).isEmpty();
    CliRun gate = CliRun.run("gate", "--fleet", DEBIAN12, "--candidate", DEBIAN13,
        "--host-libvirt", sample("versions/debian13/skylake-b.xml") + "=9.0.0");
    assertThat(gate.exit()).as(gate.toString()).isEqualTo(2);
    assertThat(gate.err()).contains("gds-no").contains("libvirt ≥ 11.3.0 knows it");
    CliRun nobody = CliRun.run("fleet", DEBIAN12, "--host-libvirt", "no-such-host=9.0.0");
    assertThat(nobody.exit()).isEqualTo(2);
    assertThat(nobody.err()).contains("no host named 'no-such-host'");
  }

  @Test
  void fleetSuggestionsAreSuggestsForTheOldestLibvirt() {
    CliRun fleet = CliRun.run("fleet", "--format", "json", DEBIAN12, DEBIAN13);
    CliRun suggest = CliRun.run("suggest", "--format", "json", DEBIAN12, DEBIAN13);
    assertThat(suggest.out()).contains("\"cpuMap\": \"bundled cpu_map (libvirt 9.0.0)\"");
    JsonObject s = json(suggest);
    JsonObject f = json(fleet).getAsJsonArray("suggestions").get(0).getAsJsonObject();
    // the same CPU as suggest's, which is made with 9.0.0's map
    assertThat(f.get("cpu").getAsString()).isEqualTo(s.get("cpu").getAsString())
        .doesNotContain("gds-no");
  }

  @Test
  void gateSeesSkylakeServerIbrsLoseMpxWhenAHostMovesTo11() {
    // skylake-b is upgraded from Debian 12 (libvirt 9.0.0) to Debian 13 (libvirt 11.3.0)
    CliRun r = CliRun.run("gate", "--fleet", DEBIAN12, REINSTALLED, "--candidate", DEBIAN13,
        "--guests", sample("guests/guest-custom.xml"), "--format", "json");
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("erp-db01").contains("\"axis\": \"LIBVIRT_VERSION\"")
        .contains("\"message\": \"Skylake-Server-IBRS means less on libvirt 11.3.0"
            + " (skylake-b) than on libvirt 9.0.0 (skylake-a): the guest loses mpx\"")
        .contains("libvirt versions: 9.0.0, 11.3.0");
    CliRun text = CliRun.run("gate", "--fleet", DEBIAN12, REINSTALLED, "--candidate", DEBIAN13,
        "--guests", sample("guests/guest-custom.xml"));
    assertThat(text.out()).contains("FAILED guest-migration")
        .contains("to skylake-b from skylake-a: Skylake-Server-IBRS means less on libvirt 11.3.0");
    // both on 9.0.0: nothing lost
    CliRun same = CliRun.run("gate", "--fleet", DEBIAN12, REINSTALLED, "--candidate", REINSTALLED,
        "--guests", sample("guests/guest-custom.xml"));
    assertThat(same.exit()).as(same.toString()).isZero();
  }

  @Test
  void gateSeesAGdsNoGuestLoseItsHostWhenTheHostGoesBackTo9() {
    // skylake-b is reinstalled with Debian 12: libvirt 9.0.0 does not know gds-no
    CliRun r = CliRun.run("gate", "--fleet", DEBIAN12, DEBIAN13, "--candidate", REINSTALLED,
        "--guests", sample("versions/guest-gds-no.xml"));
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("FAILED guest-start")
        .contains("gds-db02: can no longer start on 1 host it could start on before: skylake-b")
        .contains("gds-no (libvirt ≥ 11.3.0), which libvirt 9.0.0 on skylake-b does not know");
    // --host-libvirt (by the document's path) wins over the manifest: declared 11.3.0, only the
    // CPU axis is left (the reinstalled host-model lacks gds-no)
    CliRun declared = CliRun.run("gate", "--fleet", DEBIAN12, DEBIAN13, "--candidate", REINSTALLED,
        "--guests", sample("versions/guest-gds-no.xml"),
        "--host-libvirt", sample("versions/reinstalled/skylake-b.xml") + "=11.3.0");
    assertThat(declared.exit()).as(declared.toString()).isEqualTo(1);
    assertThat(declared.out()).contains("gds-no").doesNotContain("which libvirt 9.0.0 on skylake-b");
  }

  /**
   * A host's documents mean what its own libvirt's map says: 9.0.0's Skylake-Server-IBRS has mpx,
   * the newer maps removed it. --libvirt chooses one map for every host.
   */
  @Test
  void eachHostIsReadWithItsOwnLibvirtsMap() {
    List<String> on9 = features(CliRun.run("fleet", "--format", "json", sample("fleet"),
        "--host-libvirt", "skylake-a=9.0.0"));
    List<String> unknown = features(CliRun.run("fleet", "--format", "json", sample("fleet")));
    List<String> on11 = features(CliRun.run("fleet", "--format", "json", sample("fleet"),
        "--host-libvirt", "skylake-a=11.3.0"));
    List<String> chosen = features(CliRun.run("fleet", "--format", "json", sample("fleet"),
        "--host-libvirt", "skylake-a=9.0.0", "--libvirt", "12.8.0"));
    assertThat(on9).contains("mpx");
    assertThat(unknown).doesNotContain("mpx");
    assertThat(on11).doesNotContain("mpx");
    assertThat(chosen).isEqualTo(unknown);
    List<String> without = new ArrayList<>(on9);
    without.remove("mpx");
    assertThat(without).isEqualTo(unknown);
  }

  private static List<String> features(CliRun r) {
    assertThat(r.exit()).as(r.toString()).isZero();
    return strings(classOf(json(r), "skylake-a").getAsJsonArray("features"));
  }
}
