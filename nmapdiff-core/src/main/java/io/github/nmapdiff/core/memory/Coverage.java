package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Protocol;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.ScanInfo;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a scan covers, for the memory to tell a host or port that is not in a scan because it
 * stopped answering from one that is not in it because the scan no longer looks there: which
 * hosts its targets take in (addresses, CIDR ranges, nmap's octet ranges, names), and which
 * ports it probed (nmap's scan info says, per protocol). Immutable.
 */
final class Coverage {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern OCTETS = Pattern.compile("[0-9*,-]+(\\.[0-9*,-]+){3}");

    private final List<Predicate<String>> addresses = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private Coverage() {
    }

    /** Returns what a list of targets takes in. */
    static Coverage of(List<String> targets) {
        Coverage c = new Coverage();
        for (String t : targets) {
            String target = t.strip();
            Predicate<String> p = network(target);
            if (p == null) {
                p = octets(target);
            }
            if (p != null) {
                c.addresses.add(p);
            } else {
                c.names.add(target.toLowerCase(Locale.ROOT));
            }
        }
        return c;
    }

    /** Returns whether a host with this address and name is among the targets. */
    boolean covers(@Nullable String address, @Nullable String name) {
        if (address != null && addresses.stream().anyMatch(p -> p.test(address))) {
            return true;
        }
        return name != null && names.contains(name.toLowerCase(Locale.ROOT));
    }

    private static @Nullable Predicate<String> network(String target) {
        int slash = target.indexOf('/');
        byte[] base = literal(slash < 0 ? target : target.substring(0, slash));
        if (base == null) {
            return null;
        }
        int bits;
        try {
            bits = slash < 0 ? base.length * 8 : Integer.parseInt(target.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (bits < 0 || bits > base.length * 8) {
            return null;
        }
        BigInteger mask = bits == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(base.length * 8 - bits);
        BigInteger network = new BigInteger(1, base).and(mask);
        return address -> {
            byte[] a = literal(address);
            return a != null && a.length == base.length && new BigInteger(1, a).and(mask).equals(network);
        };
    }

    /** nmap's octet ranges: {@code 192.168.0-3.1-254}, {@code 10.0.0.*}, {@code 10.0.0.1,3,5}. */
    private static @Nullable Predicate<String> octets(String target) {
        if (!OCTETS.matcher(target).matches() || IPV4.matcher(target).matches()) {
            return null;
        }
        String[] parts = target.split("\\.");
        List<BitSet> allowed = new ArrayList<>();
        for (String part : parts) {
            BitSet set = new BitSet(256);
            for (String piece : part.split(",")) {
                if (piece.equals("*")) {
                    set.set(0, 256);
                    continue;
                }
                String[] range = piece.split("-", -1);
                try {
                    int from = range[0].isEmpty() ? 0 : Integer.parseInt(range[0]);
                    int to = range.length == 1 ? from : range[1].isEmpty() ? 255 : Integer.parseInt(range[1]);
                    if (from > 255 || to > 255 || from > to) {
                        return null;
                    }
                    set.set(from, to + 1);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            allowed.add(set);
        }
        return address -> {
            if (!IPV4.matcher(address).matches()) {
                return false;
            }
            String[] o = address.split("\\.");
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(o[i]);
                if (v > 255 || !allowed.get(i).get(v)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** The bytes of an IP address literal; null for anything else (never a DNS lookup). */
    static byte @Nullable [] literal(String text) {
        if (!IPV4.matcher(text).matches() && !(text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- ports

    /**
     * Which ports a scan probed, by protocol, as its scan info lists them ({@code 1,3-4,6-7});
     * empty when the scan says nothing of it, and then every port counts as probed.
     */
    static Map<String, String> probed(Scan header) {
        Map<String, String> probed = new TreeMap<>();
        for (ScanInfo info : header.scanInfos()) {
            probed.merge("probed." + info.protocol().nmapName(), info.services(), (a, b) -> a + "," + b);
        }
        return probed;
    }

    /** Whether a port (as {@code 22/tcp}) is among those probed; every port is when the scan says nothing. */
    static Predicate<String> probedPorts(Map<String, String> probed) {
        if (probed.isEmpty()) {
            return port -> true;
        }
        EnumMap<Protocol, BitSet> sets = new EnumMap<>(Protocol.class);
        probed.forEach((key, services) -> {
            if (!key.startsWith("probed.")) {
                return;
            }
            Protocol protocol = protocol(key.substring("probed.".length()));
            if (protocol == null) {
                return;
            }
            BitSet set = sets.computeIfAbsent(protocol, k -> new BitSet(65536));
            for (String piece : services.split(",")) {
                if (piece.isBlank()) {
                    continue;
                }
                String[] range = piece.strip().split("-");
                try {
                    int from = Integer.parseInt(range[0]);
                    int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                    set.set(Math.max(0, from), Math.min(65535, to) + 1);
                } catch (NumberFormatException e) {
                    set.set(0, 65536); // nmap wrote something we do not read: count every port
                }
            }
        });
        return port -> {
            String[] p = port.split("/");
            Protocol protocol = protocol(p[1]);
            BitSet set = protocol == null ? null : sets.get(protocol);
            return set != null && set.get(Integer.parseInt(p[0]));
        };
    }

    private static @Nullable Protocol protocol(String name) {
        for (Protocol p : Protocol.values()) {
            if (p.nmapName().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
