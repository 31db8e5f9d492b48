/** The JAXB binding of nmap's XML and the StAX code around it; nothing here is API. */
@NullMarked
@XmlJavaTypeAdapters({
    @XmlJavaTypeAdapter(value = StrictNumbers.IntegerAdapter.class, type = Integer.class),
    @XmlJavaTypeAdapter(value = StrictNumbers.LongAdapter.class, type = Long.class),
})
package io.github.nmapdiff.core.internal.xml;

import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapters;
import org.jspecify.annotations.NullMarked;
