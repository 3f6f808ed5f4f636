package org.migcheck.xml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the fast reader against the JDK parser (see {@link FastXmlReaderTest#agree}): wherever
 * the fast reader accepts, the events (start tags with their lines) are the JDK parser's;
 * whatever the JDK parser rejects, the fast reader rejects too.
 */
class FastXmlReaderFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void agreement(byte[] data) {
    FastXmlReaderTest.agree(new String(data, StandardCharsets.UTF_8));
  }
}
