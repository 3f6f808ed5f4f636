package org.migcheck.read;

import java.util.List;

/**
 * The read path without any profile work: every document of the arguments is framed and
 * tokenized (the fast reader, else StAX) on the same threads as {@code fleet} reads them, and
 * nothing is built. bench/fleet.sh times it next to {@code fleet}: the part of a fleet run that
 * is reading XML at all. Prints the number of documents.
 *
 * <p>Usage: {@code java -cp test-classes:migcheck-all.jar org.migcheck.read.TokenizeOnly FILE|DIR...}
 */
public final class TokenizeOnly {
  private TokenizeOnly() {}

  public static void main(String[] args) {
    long[] documents = {0};
    // a profile that reads nothing: the tokenizer front still reads each document to its end
    Profile<Boolean> none = (reader, chunk) -> Boolean.TRUE;
    new DocumentReader(() -> System.in).readArgs(List.of(args), none, d -> d, d -> documents[0]++);
    System.out.println(documents[0] + " documents");
  }
}
