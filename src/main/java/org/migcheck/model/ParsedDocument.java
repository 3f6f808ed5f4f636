package org.migcheck.model;

/**
 * One libvirt XML document read from the command line: host capabilities, domain capabilities, a
 * domain definition or a bare {@code <cpu>}.
 */
public sealed interface ParsedDocument
    permits HostCapabilities, DomainCapabilities, DomainDef, CpuDocument {

  /**
   * Where the document came from: the file path (or {@code <stdin>}), with {@code #N} appended when
   * the file holds several concatenated documents, e.g. {@code hosts.xml#3}.
   */
  String source();

  /** The line of the document's root element in its file (lines count across the whole file). */
  int line();
}
