package org.migcheck.cpumap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.migcheck.InputException;

/** Every way a cpu_map can be broken gives one clear message naming the file and the element. */
class BrokenCpuMapTest {
  @TempDir Path dir;

  static final String INDEX =
      "<cpus>\n  <arch name='x86'>\n    <include filename='x86_vendors.xml'/>\n"
          + "    <include filename='x86_features.xml'/>\n    <include filename='x86_Base.xml'/>\n"
          + "  </arch>\n</cpus>\n";
  static final String VENDORS = "<cpus>\n  <vendor name='Intel' string='GenuineIntel'/>\n</cpus>\n";
  static final String FEATURES =
      "<cpus>\n  <feature name='fpu'>\n    <cpuid eax_in='0x01' edx='0x00000001'/>\n  </feature>\n"
          + "  <feature name='vme'>\n    <cpuid eax_in='0x01' edx='0x00000002'/>\n  </feature>\n"
          + "</cpus>\n";
  static final String BASE =
      "<cpus>\n  <model name='Base'>\n    <decode host='on' guest='on'/>\n"
          + "    <vendor name='Intel'/>\n    <feature name='fpu'/>\n  </model>\n</cpus>\n";

  Path write(Map<String, String> overrides) throws IOException {
    Map<String, String> files = new TreeMap<>();
    files.put("index.xml", INDEX);
    files.put("x86_vendors.xml", VENDORS);
    files.put("x86_features.xml", FEATURES);
    files.put("x86_Base.xml", BASE);
    files.putAll(overrides);
    for (var e : files.entrySet()) {
      if (e.getValue() != null) {
        Files.writeString(dir.resolve(e.getKey()), e.getValue());
      }
    }
    return dir;
  }

  @Test
  void theValidBaseLoads() throws IOException {
    CpuMap m = CpuMapLoader.load(write(Map.of()).toString()).forArch(Arch.X86).orElseThrow();
    assertThat(m.models()).hasSize(1);
  }

  static Stream<Arguments> brokenMaps() {
    return Stream.of(
        Arguments.of(
            "x86_features.xml",
            FEATURES.replace("name='vme'", "name='fpu'"),
            "x86_features.xml:5: CPU feature fpu already defined"),
        Arguments.of(
            "x86_vendors.xml",
            VENDORS.replace("</cpus>", "  <vendor name='Intel' string='GenuineIntel'/>\n</cpus>"),
            "x86_vendors.xml:3: CPU vendor Intel already defined"),
        Arguments.of(
            "x86_Base.xml",
            BASE.replace("</cpus>", BASE.replace("<cpus>\n", "")),
            "x86_Base.xml:7: Multiple definitions of CPU model 'Base'"),
        Arguments.of(
            "x86_Base.xml",
            BASE.replace("<vendor name='Intel'/>", "<model name='Nope'/>"),
            "x86_Base.xml:4: Ancestor model Nope not found for CPU model Base"),
        Arguments.of(
            "x86_Base.xml",
            BASE.replace("name='fpu'", "name='sse42'"),
            "x86_Base.xml:5: Feature sse42 required by CPU model Base not found"),
        Arguments.of(
            "x86_Base.xml",
            BASE.replace("'Intel'", "'Cyrix'"),
            "x86_Base.xml:4: Unknown vendor Cyrix referenced by CPU model Base"),
        Arguments.of(
            "x86_Base.xml",
            BASE.replace("guest='on'", "guest='maybe'"),
            "x86_Base.xml:3: missing or invalid decode guest attribute for CPU model Base"),
        Arguments.of(
            "x86_features.xml",
            FEATURES.replace("edx='0x00000002'", "edx='0xZZ'"),
            "x86_features.xml:6: invalid number '0xZZ' in attribute edx of <cpuid>"),
        Arguments.of(
            "x86_features.xml",
            FEATURES.replace("edx='0x00000002'", "edx='0x100000000'"),
            "x86_features.xml:6: value of edx '0x100000000' does not fit in 32 bits"),
        Arguments.of(
            "x86_features.xml",
            FEATURES.replace("<cpuid eax_in='0x01' edx='0x00000002'/>", ""),
            "x86_features.xml:5: no x86 CPU data found for feature vme"),
        Arguments.of(
            "x86_vendors.xml",
            VENDORS.replace("GenuineIntel", "Intel"),
            "x86_vendors.xml:2: Invalid CPU vendor string 'Intel' (must be 12 characters)"),
        Arguments.of(
            "index.xml",
            INDEX.replace("x86_Base.xml", "x86_Missing.xml"),
            "index.xml:5: included cpu_map file 'x86_Missing.xml' not found"),
        Arguments.of(
            "index.xml",
            INDEX.replace("x86_Base.xml", "../../etc/passwd"),
            "index.xml:5: include filename '../../etc/passwd' must name a file in the cpu_map"
                + " directory (no paths, no '..')"),
        Arguments.of(
            "index.xml",
            INDEX.replace("x86_Base.xml", "/etc/passwd"),
            "must name a file in the cpu_map directory"),
        Arguments.of(
            "x86_Base.xml",
            "<model name='Base'/>\n",
            "x86_Base.xml:1: not a cpu_map file: the root element is <model>, expected <cpus>"),
        Arguments.of(
            "x86_Base.xml",
            "<cpus>\n  <model name='Base'>\n",
            "x86_Base.xml:3:1: malformed XML: XML document structures must start and end"),
        Arguments.of(
            "x86_Base.xml",
            "<!DOCTYPE cpus [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n<cpus>&x;</cpus>\n",
            "x86_Base.xml:1: DTDs are not allowed in input files"),
        Arguments.of(
            "index.xml",
            "<capabilities/>\n",
            "index.xml:1: not a cpu_map: the root element is <capabilities>, expected <cpus>"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("brokenMaps")
  void brokenMapsFailWithFileLineAndElement(String file, String content, String expected)
      throws IOException {
    Path d = write(Map.of(file, content));
    assertThatThrownBy(() -> CpuMapLoader.load(d.toString()))
        .isInstanceOf(InputException.class)
        .satisfies(
            e -> {
              String line = ((InputException) e).oneLine();
              assertThat(line).contains(expected).doesNotContain("\n");
              assertThat(line).startsWith(dir.toString());
            });
  }

  @Test
  void aMissingMapIsAnError() {
    assertThatThrownBy(() -> CpuMapLoader.load(dir.resolve("nothing").toString()))
        .isInstanceOf(InputException.class)
        .hasMessage("cpu_map not found");
    assertThatThrownBy(() -> CpuMapLoader.load(dir.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("neither index.xml nor cpu_map.xml");
  }

  @ParameterizedTest(name = "include filename=\"{0}\"")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "../x86_Base.xml", "/etc/passwd", "sub/../x86_Base.xml", "./x86_Base.xml", "..", ".", "",
        "..\\x86_Base.xml", "sub/x86_Base.xml", "%2e%2e/x86_Base.xml"
      })
  void includeNamesCannotLeaveTheDirectory(String name) throws IOException {
    Path d = write(Map.of("index.xml", INDEX.replace("x86_Base.xml", name)));
    Files.createDirectories(d.resolve("sub"));
    assertThatThrownBy(() -> CpuMapLoader.load(d.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("must name a file in the cpu_map directory");
  }

  @Test
  void includedLinksMustStayInsideTheDirectory(@TempDir Path outside) throws IOException {
    Path target = outside.resolve("x86_Base.xml");
    Files.writeString(target, BASE);
    Path d = write(Map.of());
    Files.delete(d.resolve("x86_Base.xml"));
    Files.createSymbolicLink(d.resolve("x86_Base.xml"), target);
    assertThatThrownBy(() -> CpuMapLoader.load(d.toString()))
        .isInstanceOf(InputException.class)
        .satisfies(
            e ->
                assertThat(((InputException) e).oneLine())
                    .isEqualTo(
                        d.resolve("x86_Base.xml")
                            + ": is a link to "
                            + target.toRealPath()
                            + ", outside the cpu_map directory: cpu_map files must be inside it"));
    // the index itself too
    Files.delete(d.resolve("x86_Base.xml"));
    Files.writeString(d.resolve("x86_Base.xml"), BASE);
    Path index = outside.resolve("index.xml");
    Files.writeString(index, INDEX);
    Files.delete(d.resolve("index.xml"));
    Files.createSymbolicLink(d.resolve("index.xml"), index);
    assertThatThrownBy(() -> CpuMapLoader.load(d.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("outside the cpu_map directory");
  }

  @Test
  void linksInsideTheDirectoryAndALinkedDirectoryAreFine(@TempDir Path other) throws IOException {
    Path d = write(Map.of());
    Files.move(d.resolve("x86_Base.xml"), d.resolve("x86_Base-real.xml"));
    Files.createSymbolicLink(d.resolve("x86_Base.xml"), Path.of("x86_Base-real.xml"));
    Path linkedDir = other.resolve("map-link");
    Files.createSymbolicLink(linkedDir, d);
    for (Path map : java.util.List.of(d, linkedDir)) {
      assertThat(CpuMapLoader.load(map.toString()).forArch(Arch.X86).orElseThrow().models())
          .hasSize(1);
    }
  }
}
