package org.migcheck.cli;

/** Report formats most commands offer. */
enum Format {
  text,
  json
}
