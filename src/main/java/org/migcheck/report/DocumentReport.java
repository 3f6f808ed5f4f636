package org.migcheck.report;

import org.migcheck.json.JsonWriter;

/** The inspect report of one document: a text block and the fields of its JSON object. */
interface DocumentReport {
  /** "capabilities", "domainCapabilities", "domain" or "cpu". */
  String kind();

  String source();

  void text(TextLayout t);

  /** The expansion of the document's CPU (its unknown names and "written by" libvirt). */
  CpuExpansion expansion();

  /** Writes the document's fields into an open JSON object. */
  void json(JsonWriter w);
}
