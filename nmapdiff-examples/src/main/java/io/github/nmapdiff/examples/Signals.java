package io.github.nmapdiff.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Catches SIGINT, SIGTERM and SIGHUP while a run is under way, so that stopping the job (Ctrl-C,
 * {@code kill}, {@code systemctl stop}, a closed terminal) stops nmap and keeps what it found,
 * instead of ending the JVM with the scan lost and nmap left running. The JVM's own handlers
 * come back when it is closed.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}) is the JDK's only way to handle
 * a signal without starting the JVM's shutdown, during which the run could not finish.
 */
final class Signals implements AutoCloseable {
    private static final List<String> NAMES = List.of("INT", "TERM", "HUP");

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private Signals(IntConsumer onSignal) {
        for (String name : NAMES) {
            try {
                Signal signal = new Signal(name);
                SignalHandler before = Signal.handle(signal, s -> onSignal.accept(s.getNumber()));
                signals.add(signal);
                previous.add(before);
            } catch (IllegalArgumentException e) {
                // the JVM keeps this one (java -Xrs, or a signal ignored by nohup): its own handling stays
            }
        }
    }

    /** Handles the signals with {@code onSignal}, which gets the signal's number. */
    static Signals handle(IntConsumer onSignal) {
        return new Signals(onSignal);
    }

    /** The signal's name for a person, such as {@code SIGTERM}. */
    static String name(int number) {
        return switch (number) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 15 -> "SIGTERM";
            default -> "signal " + number;
        };
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
