package org.migcheck.parse;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jaxb.core.annotation.XmlLocation;
import org.migcheck.xml.XmlNode;
import org.xml.sax.Locator;

/**
 * An element whose children have open-ended names. JAXB only sees the element itself; its children
 * are read by {@link OpenChildrenReader} and filled in when JAXB finishes the element.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "")
final class AnyChildren {
  @XmlLocation @XmlTransient Locator loc;

  @XmlTransient List<XmlNode> elements = new ArrayList<>();
}
