package io.github.nmapdiff.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Just enough of a DOM to write XML as ndiff's (Python {@code minidom}) does: attributes in
 * insertion order, escaping only {@code & < " >}, an element with children opening on a line
 * of its own and each element followed by a line feed, and {@code <x/>} for an empty one.
 */
public final class MiniDom {
    private MiniDom() {
    }

    /** An element. */
    public static final class Element {
        private final String tag;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Element> children = new ArrayList<>();

        /** Creates an element with no attributes or children. */
        public Element(String tag) {
            this.tag = tag;
        }

        /** Sets an attribute, or does nothing when the value is null; returns this. */
        public Element attr(String name, @Nullable String value) {
            if (value != null) {
                attributes.put(name, value);
            }
            return this;
        }

        /** Adds a child; returns this. */
        public Element add(Element child) {
            children.add(child);
            return this;
        }

        /** Adds children; returns this. */
        public Element addAll(List<Element> more) {
            children.addAll(more);
            return this;
        }

        /** Returns whether the element has children. */
        public boolean hasChildren() {
            return !children.isEmpty();
        }

        /** Returns the children. */
        public List<Element> children() {
            return children;
        }

        /** Writes the element as minidom's {@code writexml(newl="\n")}. */
        public void write(StringBuilder out) {
            out.append('<').append(tag);
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                out.append(' ').append(a.getKey()).append("=\"");
                escape(out, a.getValue());
                out.append('"');
            }
            if (children.isEmpty()) {
                out.append("/>\n");
                return;
            }
            out.append(">\n");
            for (Element child : children) {
                child.write(out);
            }
            out.append("</").append(tag).append(">\n");
        }
    }

    private static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
    }
}
