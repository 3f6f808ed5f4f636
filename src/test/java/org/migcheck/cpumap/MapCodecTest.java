package org.migcheck.cpumap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.engine.CpuEngine;
import org.migcheck.testing.SharedData;

class MapCodecTest {
  static List<String> versions() {
    return CpuMapLoader.bundledVersions();
  }

  static LongStream seeds() {
    return LongStream.range(0, 24);
  }

  /** Every field of two maps of one arch, and every lookup by name and alias. */
  static void assertSameMap(CpuMap x, CpuMap y) {
    assertThat(x.arch()).isEqualTo(y.arch());
    assertThat(x.source()).isEqualTo(y.source());
    assertThat(x.vendors()).isEqualTo(y.vendors());
    assertThat(x.features()).isEqualTo(y.features());
    assertThat(x.models()).isEqualTo(y.models());
    assertThat(x.nonMigratableBits()).isEqualTo(y.nonMigratableBits());
    for (Vendor v : y.vendors()) {
      assertThat(x.vendor(v.name())).isEqualTo(y.vendor(v.name()));
    }
    for (Feature f : y.features()) {
      assertThat(x.feature(f.name())).isEqualTo(y.feature(f.name()));
      for (FeatureAlias a : f.aliases()) {
        assertThat(x.featureByAlias(a.name())).isEqualTo(y.featureByAlias(a.name()));
      }
    }
    for (CpuModel m : y.models()) {
      assertThat(x.model(m.name())).isEqualTo(y.model(m.name()));
      assertThat(x.model(m.name()).orElseThrow().vendor())
          .isSameAs(m.vendor() == null ? null : x.vendor(m.vendor().name()).orElseThrow());
    }
    assertThat(x.model("no such model")).isEmpty();
    assertThat(x.feature(null)).isEmpty();
  }

  static void assertSameMaps(CpuMaps a, CpuMaps b) {
    assertThat(a.source()).isEqualTo(b.source());
    assertThat(a.arches()).isEqualTo(b.arches());
    for (Arch arch : a.arches()) {
      assertSameMap(a.forArch(arch).orElseThrow(), b.forArch(arch).orElseThrow());
    }
  }

  static byte[] binary(String version) throws IOException {
    try (InputStream in =
        CpuMapLoader.class.getClassLoader().getResourceAsStream(CpuMapLoader.binaryName(version))) {
      assertThat(in).as("%s from the build", CpuMapLoader.binaryName(version)).isNotNull();
      return in.readAllBytes();
    }
  }

  static CpuMaps read(byte[] bytes) throws IOException {
    return MapCodec.read(new ByteArrayInputStream(bytes));
  }

  @ParameterizedTest
  @MethodSource("versions")
  void theBuildPrecompilesEachBundledMapAndEveryArchEqualsTheXml(String version) {
    CpuMaps binary = CpuMapLoader.bundledFromBinary(version);
    assertThat(binary).as("%s from the build", CpuMapLoader.binaryName(version)).isNotNull();
    assertThat(binary.arches()).containsExactlyInAnyOrder(Arch.values());
    assertSameMaps(binary, CpuMapLoader.bundledFromXml(version));
  }

  @ParameterizedTest
  @MethodSource("versions")
  void theLoaderDecodesX86AheadAndTheOtherArchesWhenAsked(String version) throws IOException {
    CpuMaps maps = CpuMapLoader.binaryElseXml(version, new ByteArrayInputStream(binary(version)));
    assertThat(maps.decoded(Arch.X86)).isTrue();
    assertThat(maps.decoded(Arch.PPC64)).isFalse();
    assertThat(maps.decoded(Arch.ARM)).isFalse();
    // an engine asked for x86 only leaves the others alone
    new CpuEngine(maps).driver("x86_64", "test");
    assertThat(maps.decoded(Arch.PPC64)).isFalse();
    assertThat(maps.decoded(Arch.ARM)).isFalse();
    new CpuEngine(maps).driver("aarch64", "test");
    assertThat(maps.decoded(Arch.ARM)).isTrue();
    assertThat(maps.decoded(Arch.PPC64)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void archesDecodedInAnyOrderEqualTheXmlAndStayTheSame(long seed) throws IOException {
    Random r = new Random(seed);
    String version = versions().get(r.nextInt(versions().size()));
    CpuMaps maps = read(binary(version));
    CpuMaps xml = CpuMapLoader.bundledFromXml(version);
    List<Arch> order = new ArrayList<>(Arrays.asList(Arch.values()));
    Collections.shuffle(order, r);
    for (Arch a : order) {
      assertThat(maps.decoded(a)).isFalse();
      CpuMap m = maps.forArch(a).orElseThrow();
      assertThat(maps.decoded(a)).isTrue();
      assertSameMap(m, xml.forArch(a).orElseThrow());
      assertThat(maps.forArch(a).orElseThrow()).isSameAs(m);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void threadsAskingAtOnceGetOneDecodedMap(long seed) throws Exception {
    Random r = new Random(seed);
    String version = versions().get(r.nextInt(versions().size()));
    Arch arch = Arch.values()[r.nextInt(Arch.values().length)];
    CpuMaps maps = read(binary(version));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<CpuMap>> got = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        got.add(pool.submit(() -> {
          start.await();
          return maps.forArch(arch).orElseThrow();
        }));
      }
      start.countDown();
      CpuMap first = got.get(0).get();
      for (Future<CpuMap> f : got) {
        assertThat(f.get()).isSameAs(first);
      }
      assertSameMap(first, CpuMapLoader.bundledFromXml(version).forArch(arch).orElseThrow());
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @MethodSource("versions")
  void emulatingAnotherLibvirtBeforeOrAfterDecodingEqualsTheXml(String version)
      throws IOException {
    CpuMaps xml = CpuMapLoader.bundledFromXml(version).emulating("99.1.0");
    CpuMaps before = read(binary(version)).emulating("99.1.0");
    CpuMaps decoded = read(binary(version));
    for (Arch a : decoded.arches()) {
      decoded.forArch(a);
    }
    CpuMaps after = decoded.emulating("99.1.0");
    for (CpuMaps m : List.of(before, after)) {
      assertThat(m.source().emulated()).isEqualTo("99.1.0");
      assertSameMaps(m, xml);
      for (Arch a : m.arches()) {
        assertThat(m.forArch(a).orElseThrow().source()).isEqualTo(m.source());
      }
    }
    // the original keeps its own source
    assertThat(decoded.forArch(Arch.X86).orElseThrow().source().emulated()).isNull();
  }

  /** MapCodec refuses the bytes, and the loader given them loads the XML instead. */
  static void assertRefusedAndXmlUsed(String version, byte[] bytes, String what) {
    assertThatThrownBy(() -> read(bytes)).as(what).isInstanceOf(IOException.class);
    assertSameMaps(
        CpuMapLoader.binaryElseXml(version, new ByteArrayInputStream(bytes)),
        CpuMapLoader.bundledFromXml(version));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aDamagedFileIsRefusedAndTheLoaderUsesTheXml(long seed) throws IOException {
    Random r = new Random(seed);
    String version = versions().get(r.nextInt(versions().size()));
    byte[] bytes = binary(version);
    int at = r.nextInt(bytes.length);
    bytes[at] ^= (byte) (1 + r.nextInt(255));
    assertRefusedAndXmlUsed(version, bytes, "byte " + at + " changed");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aTruncatedFileIsRefusedAndTheLoaderUsesTheXml(long seed) throws IOException {
    Random r = new Random(seed);
    String version = versions().get(r.nextInt(versions().size()));
    byte[] whole = binary(version);
    byte[] bytes = Arrays.copyOf(whole, r.nextInt(whole.length));
    assertRefusedAndXmlUsed(version, bytes, "the first " + bytes.length + " bytes");
  }

  /** The bytes with their FORMAT replaced and the CRC made to match: a file of another format. */
  static byte[] withFormat(byte[] bytes, int format) {
    byte[] b = bytes.clone();
    int at = 2 + MapCodec.MAGIC.length();
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (format >>> (24 - 8 * i));
    }
    CRC32 crc = new CRC32();
    crc.update(b, 0, b.length - 4);
    int c = (int) crc.getValue();
    for (int i = 0; i < 4; i++) {
      b[b.length - 4 + i] = (byte) (c >>> (24 - 8 * i));
    }
    return b;
  }

  @Test
  void aFileOfAnotherFormatIsRefusedAndTheLoaderUsesTheXml() throws IOException {
    String version = "9.0.0";
    byte[] bytes = binary(version);
    assertThat(read(withFormat(bytes, MapCodec.FORMAT)).arches()).hasSize(3); // the helper works
    for (int format : new int[] {1, MapCodec.FORMAT + 1}) {
      assertThatThrownBy(() -> read(withFormat(bytes, format)))
          .hasMessageContaining("format " + MapCodec.FORMAT);
      assertRefusedAndXmlUsed(version, withFormat(bytes, format), "format " + format);
    }
    // what format 1 began with (DataOutputStream's writeUTF and writeInt), the rest its size
    ByteArrayOutputStream old = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(old);
    out.writeUTF(MapCodec.MAGIC);
    out.writeInt(1);
    out.write(new byte[115_000]);
    assertRefusedAndXmlUsed(version, old.toByteArray(), "format 1's beginning");
  }

  @Test
  void withoutAPrecompiledFileTheLoaderUsesTheXml() {
    assertSameMaps(CpuMapLoader.binaryElseXml("9.0.0", null), CpuMapLoader.bundledFromXml("9.0.0"));
  }

  @Test
  void listsTheBundledVersionsOldestFirst() {
    assertThat(CpuMapLoader.bundledVersions()).containsExactly("7.0.0", "9.0.0", "11.3.0", "12.8.0");
    assertThat(CpuMapLoader.bundled().source().libvirtVersion()).isEqualTo("12.8.0");
  }

  @Test
  void roundTripsTheNewestMap() throws IOException {
    CpuMaps latest = CpuMapLoader.load(SharedData.latestCpuMap().toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MapCodec.write(latest, bytes);
    assertSameMaps(read(bytes.toByteArray()), latest);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void roundTripsValuesBeyond32Bits(long seed) throws IOException {
    Random r = new Random(seed);
    long[] v = new long[12];
    for (int i = 0; i < v.length; i++) {
      // small, u32, beyond u32 and negative values, as a hand-made map may hold
      v[i] = switch (r.nextInt(4)) {
        case 0 -> r.nextInt(64);
        case 1 -> r.nextLong() & 0xFFFFFFFFL;
        case 2 -> r.nextLong() >>> 1;
        default -> -1 - r.nextInt(1000);
      };
    }
    MapSource src = new MapSource("path", "test", "split", null);
    Vendor vendor = new Vendor("V", null, v[0], Bits.of(r.nextInt(200)));
    Feature f = new Feature("f", 0, List.of(new CpuidBits(v[1], v[2], v[3], v[4], v[5], v[6])),
        List.of(new MsrBits(v[7], v[8], v[9])), List.of(), List.of(), r.nextBoolean(),
        Bits.of(r.nextInt(500), r.nextInt(500)));
    CpuModel model = new CpuModel("M", 0, null, vendor, List.of(), true, true, f.bits(), List.of(),
        List.of(f), null, List.of(new Pvr(v[10], v[11])));
    CpuMap map = new CpuMap(Arch.X86, src, List.of(vendor), List.of(f), List.of(model));
    CpuMaps maps = new CpuMaps(src, java.util.Map.of(Arch.X86, map));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MapCodec.write(maps, bytes);
    assertSameMaps(read(bytes.toByteArray()), maps);
  }

  @Test
  void rejectsOtherData() {
    assertThatThrownBy(() -> read(new byte[] {0, 3, 'a', 'b', 'c'})).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(IOException.class);
  }
}
