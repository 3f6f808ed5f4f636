package org.migcheck.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.migcheck.InputException;

/**
 * Fuzzes the binder against JAXB (see {@link BinderAgreementTest#check}): every well-formed
 * document of the four types binds to the same shapes over the fast reader, over the JDK parser
 * and with JAXB. Input that is not well-formed is the read path's to report, not compared here.
 */
class BinderFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void agreement(byte[] data) {
    try {
      BinderAgreementTest.check(data);
    } catch (InputException notWellFormed) {
      // the read path's error; ProfileFuzzTest holds every profile to the same one
    }
  }
}
