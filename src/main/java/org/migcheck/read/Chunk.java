package org.migcheck.read;

/**
 * The bytes of one top-level document of an input file, cut out so that a worker thread can parse
 * it on its own, with what is needed to report positions in the whole file.
 *
 * @param file the input's name, which XML errors name
 * @param source the document's source name: {@code file}, or {@code file#N} when the file holds
 *     several documents
 * @param line the line of the document's first byte in the file
 * @param column the characters before the document on that line
 * @param bytes the document, from its root start tag through its end tag (through the end of the
 *     file when {@code truncated})
 * @param truncated the file ended inside the document
 * @param endLine the line of the file's last character (for the truncation message)
 * @param endColumn the characters on that line
 * @param ascii every byte is ASCII (no UTF-8 to check)
 */
public record Chunk(
    String file,
    String source,
    int line,
    int column,
    byte[] bytes,
    boolean truncated,
    int endLine,
    int endColumn,
    boolean ascii) {}
