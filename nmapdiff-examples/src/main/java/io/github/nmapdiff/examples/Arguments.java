package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an argument string ({@code --nmap-args "-sV -p 22,80 --script 'banner'"}) into words
 * as a shell would split it, quotes included, but without any expansion: nothing here runs a
 * shell.
 */
final class Arguments {
    private Arguments() {
    }

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new NmapDiffException("unbalanced quote in the nmap arguments: " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
