package org.migcheck.cpumap;

/** Another name of a feature ({@code <alias name source>}); libvirt does not accept it in XML. */
public record FeatureAlias(String name, String source) {}
