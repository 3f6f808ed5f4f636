package org.migcheck.fleet.read;

import org.migcheck.model.ParsedDocument;

/**
 * A document read for fleet analysis: host capabilities or domain capabilities, holding the parts
 * fleet analysis uses (see {@link FleetReader}).
 *
 * @param hostUuid for domain capabilities, the host uuid a collection script added as a {@code
 *     <uuid>} child of the root (libvirt writes none), else null
 */
public record FleetDocument(ParsedDocument document, String hostUuid) {}
