package org.migcheck.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migcheck.InputException;
import org.migcheck.model.HostCapabilities;
import org.migcheck.model.ParsedDocument;
import org.migcheck.read.InputFile;

/** Documents read ahead are exactly what reading the file gives, or the file is read again. */
class ReadAheadTest {
  @TempDir Path dir;

  private Path copy(String sample, String name) throws Exception {
    return Files.copy(Path.of("samples", sample), dir.resolve(name));
  }

  private static List<ParsedDocument> read(Path f) {
    return new InputReader().readAll(List.of(f.toString()));
  }

  /** What reading gives: documents as text, then the error's message, if any. */
  private static List<String> outcome(Path f) {
    List<String> out = new ArrayList<>();
    try {
      new InputReader().stream(List.of(f.toString()), d -> out.add(d.toString()));
    } catch (InputException e) {
      out.add("error: " + e.oneLine());
    }
    return out;
  }

  @Test
  void aFileReadAheadIsReplayedOnceAndEqualsReadingIt() throws Exception {
    Path f = copy("skylake-a.xml", "h.xml");
    List<ParsedDocument> direct = read(f);
    ReadAhead.Promised<ParsedDocument> p = ReadAhead.DOCUMENTS.promise(List.of(f));
    assertThat(p.isEmpty()).isFalse();
    ReadAhead.DOCUMENTS.readAll(p);
    assertThat(ReadAhead.DOCUMENTS.promised(new InputFile(f.toString(), f))).isTrue();
    assertThat(read(f)).isEqualTo(direct);
    assertThat(ReadAhead.DOCUMENTS.promised(new InputFile(f.toString(), f))).isFalse(); // used once
  }

  @Test
  void aFileChangedAfterThePromiseIsReadAgain() throws Exception {
    Path f = copy("skylake-a.xml", "h.xml");
    ReadAhead.Promised<ParsedDocument> p = ReadAhead.DOCUMENTS.promise(List.of(f));
    ReadAhead.DOCUMENTS.readAll(p);
    Files.copy(Path.of("samples/epyc-rome.xml"), f, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    HostCapabilities caps = (HostCapabilities) read(f).get(0);
    assertThat(caps.toString()).contains("EPYC-Rome").doesNotContain("Skylake");
  }

  @Test
  void documentsBeforeAnErrorComeFirstThenTheSameError() throws Exception {
    Path f = dir.resolve("two.xml");
    Files.writeString(f, Files.readString(Path.of("samples/skylake-a.xml"))
        + "\n<capabilities><host><cpu>\n");
    List<String> direct = outcome(f);
    assertThat(direct).hasSize(2);
    assertThat(direct.get(1)).startsWith("error: ").contains("two.xml");
    ReadAhead.DOCUMENTS.readAll(ReadAhead.DOCUMENTS.promise(List.of(f)));
    assertThat(outcome(f)).isEqualTo(direct);
  }

  @Test
  void aFileReadUnderAnotherNameIsReadAgainUnderThatName() throws Exception {
    Path f = copy("skylake-a.xml", "h.xml");
    Path other = dir.resolve(".").resolve("h.xml"); // the same file, named differently
    ReadAhead.DOCUMENTS.readAll(ReadAhead.DOCUMENTS.promise(List.of(other)));
    List<ParsedDocument> docs = read(f);
    assertThat(docs.get(0).source()).isEqualTo(f.toString());
    assertThat(docs).isEqualTo(new InputReader().readAll(List.of(f.toString())));
  }

  /**
   * Readers racing a read-ahead thread: each file is read by whoever claims it first, the other
   * takes it or skips it, and every reader gets the documents, none waits forever.
   */
  @Test
  void readersRacingTheReadAheadGetEveryFile() throws Exception {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      files.add(copy("skylake-a.xml", "h" + i + ".xml"));
    }
    Path last = files.get(files.size() - 1);
    List<ParsedDocument> direct = read(last);
    ReadAhead.Promised<ParsedDocument> p = ReadAhead.DOCUMENTS.promise(files);
    Thread t = new Thread(() -> ReadAhead.DOCUMENTS.readAll(p));
    t.start();
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(20), () -> assertThat(read(last)).isEqualTo(direct));
    t.join();
    for (Path f : files) {
      assertThat(read(f)).hasSize(1).first().hasToString(
          direct.get(0).toString().replace(last.toString(), f.toString()));
    }
  }

  /** A reader that finds a file not yet started reads it itself; the read-ahead then skips it. */
  @Test
  void aReaderClaimsAFileNotStartedAndTheReadAheadSkipsIt() throws Exception {
    Path first = copy("skylake-a.xml", "first.xml");
    Path second = copy("cascadelake.xml", "second.xml");
    ReadAhead.Promised<ParsedDocument> p = ReadAhead.DOCUMENTS.promise(List.of(first, second));
    List<ParsedDocument> direct = new InputReader().readAll(List.of(second.toString()));
    // taken before any read-ahead: read at once, no waiting (the read-ahead has not run at all)
    Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThat(read(second)).isEqualTo(direct));
    assertThat(ReadAhead.DOCUMENTS.promised(new InputFile(second.toString(), second))).isFalse();
    ReadAhead.DOCUMENTS.readAll(p); // reads first only
    assertThat(ReadAhead.DOCUMENTS.promised(new InputFile(first.toString(), first))).isTrue();
    assertThat(read(first)).hasSize(1);
    assertThat(ReadAhead.DOCUMENTS.promised(new InputFile(first.toString(), first))).isFalse();
  }

  @Test
  void theFilesHostArgumentsName() throws Exception {
    Path caps = copy("skylake-a.xml", "a.xml");
    Path domcaps = copy("skylake-a-domcaps.xml", "a-domcaps.xml");
    Path other = copy("cascadelake.xml", "b.xml");
    Files.writeString(dir.resolve("notes.txt"), "not xml");
    Path sub = Files.createDirectories(dir.resolve("host"));
    Path inDir = copy("broadwell.xml", "host/c.xml");
    assertThat(ReadAhead.filesOf(List.of(caps.toString()))).containsExactly(caps, domcaps);
    assertThat(ReadAhead.filesOf(List.of(caps + "," + other)))
        .as("an explicit host brings no sibling").containsExactly(caps, other);
    assertThat(ReadAhead.filesOf(List.of(sub.toString(), dir.resolve("notes.txt").toString(),
        "json", "-"))).containsExactly(inDir);
  }

  @Test
  void nothingIsReadAheadPastTheLimits() throws Exception {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 65; i++) {
      many.add(copy("skylake-a.xml", "m" + i + ".xml").toString());
    }
    assertThat(ReadAhead.filesOf(many.subList(0, 64))).hasSize(64);
    assertThat(ReadAhead.filesOf(many)).isEmpty();
  }

  @Test
  void aMissingFileIsTheReadersToReport() {
    Path missing = dir.resolve("gone.xml");
    assertThat(ReadAhead.filesOf(List.of(missing.toString()))).isEmpty();
    assertThat(ReadAhead.DOCUMENTS.promise(List.of(missing)).isEmpty()).isTrue();
    assertThatThrownBy(() -> read(missing)).isInstanceOf(InputException.class)
        .hasMessageContaining("no such file");
  }
}
