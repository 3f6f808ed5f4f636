package org.migcheck.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 validation, quick for the usual all-ASCII libvirt document. */
final class Utf8 {
  private Utf8() {}

  /** The offset of the first byte that is not valid UTF-8, or -1. */
  static int firstInvalid(byte[] bytes) {
    return firstInvalid(bytes, bytes.length);
  }

  static int firstInvalid(byte[] bytes, int length) {
    int i = 0;
    while (i < length && bytes[i] >= 0) {
      i++;
    }
    if (i == length) {
      return -1;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      return in.position();
    }
    return decoder.flush(out).isError() ? in.position() : -1;
  }
}
