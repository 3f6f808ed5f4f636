package org.migcheck.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/** The streams of one run, injected into every command. */
public record CliContext(PrintWriter out, PrintWriter err, InputStream stdin) {}
