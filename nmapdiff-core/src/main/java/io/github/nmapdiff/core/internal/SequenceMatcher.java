package io.github.nmapdiff.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The edit script between two sequences, as the Ratcliff/Obershelp "gestalt pattern matching"
 * of Python's {@code difflib.SequenceMatcher} gives it (no junk function, "autojunk" on), so
 * that OS and script-output changes come out exactly as ndiff prints them.
 *
 * <p>The longest matching block is found first, the earliest in {@code a} and then in
 * {@code b} among equals; the same is done on both sides of it, recursively. In a {@code b}
 * of 200 or more elements, an element that makes up more than 1% of it is "popular": it does
 * not start a match, but extends one.
 */
public final class SequenceMatcher {
    private SequenceMatcher() {
    }

    /** What an opcode does. */
    public enum Tag {
        /** {@code a[i1:i2] == b[j1:j2]}. */
        EQUAL,
        /** {@code a[i1:i2]} becomes {@code b[j1:j2]}. */
        REPLACE,
        /** {@code a[i1:i2]} goes. */
        DELETE,
        /** {@code b[j1:j2]} comes. */
        INSERT
    }

    /** One step of the edit script: ranges of {@code a} and {@code b}, ends exclusive. */
    public record Opcode(Tag tag, int i1, int i2, int j1, int j2) {
    }

    private record Block(int i, int j, int size) {
    }

    /**
     * Returns the edit script that turns {@code a} into {@code b}.
     *
     * @param a the first sequence, never null
     * @param b the second sequence, never null
     * @return the opcodes in order, covering both sequences; never null
     */
    public static <T> List<Opcode> opcodes(List<T> a, List<T> b) {
        List<Opcode> result = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (Block block : matchingBlocks(a, b)) {
            Tag tag = null;
            if (i < block.i && j < block.j) {
                tag = Tag.REPLACE;
            } else if (i < block.i) {
                tag = Tag.DELETE;
            } else if (j < block.j) {
                tag = Tag.INSERT;
            }
            if (tag != null) {
                result.add(new Opcode(tag, i, block.i, j, block.j));
            }
            i = block.i + block.size;
            j = block.j + block.size;
            if (block.size > 0) {
                result.add(new Opcode(Tag.EQUAL, block.i, i, block.j, j));
            }
        }
        return result;
    }

    private static <T> List<Block> matchingBlocks(List<T> a, List<T> b) {
        Map<T, List<Integer>> positionsInB = indexOf(b);
        List<Block> found = new ArrayList<>();
        Deque<int[]> ranges = new ArrayDeque<>();
        ranges.push(new int[] {0, a.size(), 0, b.size()});
        while (!ranges.isEmpty()) {
            int[] r = ranges.pop();
            Block m = longestMatch(a, b, positionsInB, r[0], r[1], r[2], r[3]);
            if (m.size > 0) {
                found.add(m);
                if (r[0] < m.i && r[2] < m.j) {
                    ranges.push(new int[] {r[0], m.i, r[2], m.j});
                }
                if (m.i + m.size < r[1] && m.j + m.size < r[3]) {
                    ranges.push(new int[] {m.i + m.size, r[1], m.j + m.size, r[3]});
                }
            }
        }
        found.sort((x, y) -> x.i != y.i ? Integer.compare(x.i, y.i) : Integer.compare(x.j, y.j));

        // adjacent blocks become one
        List<Block> merged = new ArrayList<>();
        int i1 = 0;
        int j1 = 0;
        int k1 = 0;
        for (Block block : found) {
            if (i1 + k1 == block.i && j1 + k1 == block.j) {
                k1 += block.size;
            } else {
                if (k1 > 0) {
                    merged.add(new Block(i1, j1, k1));
                }
                i1 = block.i;
                j1 = block.j;
                k1 = block.size;
            }
        }
        if (k1 > 0) {
            merged.add(new Block(i1, j1, k1));
        }
        merged.add(new Block(a.size(), b.size(), 0));
        return merged;
    }

    private static <T> Map<T, List<Integer>> indexOf(List<T> b) {
        Map<T, List<Integer>> positions = new HashMap<>();
        for (int j = 0; j < b.size(); j++) {
            positions.computeIfAbsent(b.get(j), k -> new ArrayList<>()).add(j);
        }
        int n = b.size();
        if (n >= 200) {
            int limit = n / 100 + 1;
            positions.values().removeIf(list -> list.size() > limit);
        }
        return positions;
    }

    private static <T> Block longestMatch(List<T> a, List<T> b, Map<T, List<Integer>> positionsInB,
            int alo, int ahi, int blo, int bhi) {
        int besti = alo;
        int bestj = blo;
        int bestSize = 0;
        // lengthEndingAt.get(j): length of the match that ends at a[i-1] and b[j]
        Map<Integer, Integer> lengthEndingAt = new HashMap<>();
        for (int i = alo; i < ahi; i++) {
            Map<Integer, Integer> next = new HashMap<>();
            for (int j : positionsInB.getOrDefault(a.get(i), List.of())) {
                if (j < blo) {
                    continue;
                }
                if (j >= bhi) {
                    break;
                }
                int k = lengthEndingAt.getOrDefault(j - 1, 0) + 1;
                next.put(j, k);
                if (k > bestSize) {
                    besti = i - k + 1;
                    bestj = j - k + 1;
                    bestSize = k;
                }
            }
            lengthEndingAt = next;
        }
        // popular elements start no match, but may extend one
        while (besti > alo && bestj > blo && a.get(besti - 1).equals(b.get(bestj - 1))) {
            besti--;
            bestj--;
            bestSize++;
        }
        while (besti + bestSize < ahi && bestj + bestSize < bhi && a.get(besti + bestSize).equals(b.get(bestj + bestSize))) {
            bestSize++;
        }
        return new Block(besti, bestj, bestSize);
    }
}
