package io.github.nmapdiff.core.internal.xml;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import org.jspecify.annotations.Nullable;

/**
 * Number parsing for the binding that fails loudly: JAXB's own conversion turns a number it
 * cannot read into null without a word, which would hide a broken file. An adapter's exception
 * reaches the unmarshaller's event handler with the line and column, and stops the reading.
 */
final class StrictNumbers {
    private StrictNumbers() {
    }

    static final class IntegerAdapter extends XmlAdapter<String, Integer> {
        @Override
        public Integer unmarshal(String text) {
            try {
                return Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw new NumberFormatException("'" + text + "' is not a whole number");
            }
        }

        @Override
        public @Nullable String marshal(@Nullable Integer value) {
            return value == null ? null : value.toString();
        }
    }

    static final class LongAdapter extends XmlAdapter<String, Long> {
        @Override
        public Long unmarshal(String text) {
            try {
                return Long.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw new NumberFormatException("'" + text + "' is not a whole number");
            }
        }

        @Override
        public @Nullable String marshal(@Nullable Long value) {
            return value == null ? null : value.toString();
        }
    }
}
