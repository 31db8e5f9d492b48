package io.github.nmapdiff.core.model;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns the words of nmap's XML output into the model's enums, in one place. */
final class NmapWords {
    private NmapWords() {
    }

    /**
     * Returns the value whose nmap word is {@code word}.
     *
     * @throws IllegalArgumentException naming the word and the words allowed
     */
    static <E extends Enum<E>> E parse(E[] values, Function<E, String> nmapName, String what, String word) {
        for (E value : values) {
            if (nmapName.apply(value).equals(word)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + word + "' (expected one of "
                + Arrays.stream(values).map(nmapName).collect(Collectors.joining(", ")) + ")");
    }
}
