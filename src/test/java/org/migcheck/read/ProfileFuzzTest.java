package org.migcheck.read;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.migcheck.testing.FuzzFile;

/**
 * Fuzzes the one read path with the one oracle ({@link ProfileOracle}): every profile (CPU parts,
 * fleet record) equals the full profile restricted to what it reads, values and errors; only
 * {@link org.migcheck.InputException} may escape a profile. Its corpus also replays in {@link
 * ProfileAgreementTest}.
 */
class ProfileFuzzTest {
  private static final FuzzFile FILE = new FuzzFile("migcheck-fuzz-profiles-");

  @FuzzTest(maxDuration = "30s")
  void agreement(byte[] data) {
    ProfileOracle.check(Path.of(FILE.write(data)));
  }
}
