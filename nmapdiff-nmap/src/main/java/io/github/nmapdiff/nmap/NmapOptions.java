package io.github.nmapdiff.nmap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The nmap arguments of a scan. The defaults are the proven monitoring set of the shell script
 * nmapdiff replaces: {@code -v -sV --top-ports 5000 -T4 -Pn -R} (version detection on the 5000
 * most common ports, fast timing, no ping, reverse DNS for every host).
 *
 * <p>Change them one by one with the {@link Builder}, add free arguments, or replace them all.
 * nmapdiff itself adds the targets ({@code -iL}), the XML output ({@code -oX}) and progress
 * reports ({@code --stats-every}), so arguments that would compete with those are refused.
 * Instances are immutable and thread-safe.
 */
public final class NmapOptions {
    /** The default arguments: {@code -v -sV --top-ports 5000 -T4 -Pn -R}. */
    public static final List<String> DEFAULT_ARGUMENTS = List.of("-v", "-sV", "--top-ports", "5000", "-T4", "-Pn", "-R");

    /**
     * nmap's long options that take over what the runner does, or make nmap do something other
     * than scan. nmap reads options as {@code getopt_long_only} does: one or two dashes, the
     * value after {@code =} or as the next argument, any unambiguous prefix of the name, and
     * {@code _} for {@code -} in some names; {@link Builder#reserved(String)} matches them alike.
     */
    private static final List<String> RESERVED = List.of(
            "oX", "oN", "oG", "oA", "oS", "oM", "oH", "iL", "iR", "resume", "append-output",
            "stats-every", "help", "version", "iflist");
    /** nmap's one-letter options that are refused: help, version, and the first letters of -oX and -iL. */
    private static final String RESERVED_SHORT = "hVoi";

    /** How host names are looked up. */
    public enum ReverseDns {
        /** For every host ({@code -R}). */
        ALWAYS,
        /** For hosts found up, nmap's default. */
        WHEN_UP,
        /** Never ({@code -n}). */
        NEVER
    }

    private final List<String> arguments;
    private final Duration statsEvery;

    private NmapOptions(List<String> arguments, Duration statsEvery) {
        this.arguments = List.copyOf(arguments);
        this.statsEvery = statsEvery;
    }

    /** Returns the defaults, {@link #DEFAULT_ARGUMENTS}, with progress every 5 seconds. */
    public static NmapOptions defaults() {
        return builder().build();
    }

    /** Returns a builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns options made of exactly these arguments, instead of the defaults.
     *
     * @param arguments nmap arguments, one per element, never null
     * @return the options, never null
     * @throws InvalidNmapOptionsException when an argument would break the runner
     */
    public static NmapOptions of(List<String> arguments) {
        return builder().replaceWith(arguments).build();
    }

    /** Returns the nmap arguments, without the targets, output and progress ones the runner adds; never null. */
    public List<String> arguments() {
        return arguments;
    }

    /** Returns how often nmap reports progress; null for never. */
    public @Nullable Duration statsEvery() {
        return statsEvery;
    }

    @Override
    public String toString() {
        return String.join(" ", arguments);
    }

    /** Builds {@link NmapOptions}; not thread-safe. */
    public static final class Builder {
        private boolean serviceDetection = true;
        private @Nullable Integer topPorts = 5000;
        private @Nullable String ports;
        private Integer timing = 4;
        private boolean skipHostDiscovery = true;
        private ReverseDns reverseDns = ReverseDns.ALWAYS;
        private int verbosity = 1;
        private final List<String> extra = new ArrayList<>();
        private @Nullable List<String> replacement;
        private Duration statsEvery = Duration.ofSeconds(5);

        private Builder() {
        }

        /** Version detection ({@code -sV}); on by default. */
        public Builder serviceDetection(boolean on) {
            this.serviceDetection = on;
            return this;
        }

        /** Scans the {@code n} most common ports ({@code --top-ports n}); 5000 by default. */
        public Builder topPorts(int n) {
            if (n < 1 || n > 65535) {
                throw new InvalidNmapOptionsException("--top-ports takes 1 to 65535, not " + n);
            }
            this.topPorts = n;
            this.ports = null;
            return this;
        }

        /** Scans these ports ({@code -p 22,80,8000-8100}) instead of the top ports. */
        public Builder ports(String spec) {
            Objects.requireNonNull(spec, "spec");
            if (!spec.matches("[A-Za-z0-9,:\\-\\[\\]*]+")) {
                throw new InvalidNmapOptionsException("not a port list: '" + spec + "' (example: 22,80,8000-8100 or T:1-1024,U:53)");
            }
            this.ports = spec;
            this.topPorts = null;
            return this;
        }

        /** Timing template {@code -T0} to {@code -T5}; {@code -T4} by default; null for nmap's own default. */
        public Builder timing(Integer template) {
            if (template != null && (template < 0 || template > 5)) {
                throw new InvalidNmapOptionsException("the timing template is 0 to 5, not " + template);
            }
            this.timing = template;
            return this;
        }

        /** Skips host discovery ({@code -Pn}): every target counts as up; on by default. */
        public Builder skipHostDiscovery(boolean on) {
            this.skipHostDiscovery = on;
            return this;
        }

        /** How host names are looked up; {@link ReverseDns#ALWAYS} ({@code -R}) by default. */
        public Builder reverseDns(ReverseDns mode) {
            this.reverseDns = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Verbosity: 0 for none, 1 for {@code -v} (the default), 2 for {@code -vv}. */
        public Builder verbosity(int level) {
            if (level < 0 || level > 10) {
                throw new InvalidNmapOptionsException("verbosity is 0 to 10, not " + level);
            }
            this.verbosity = level;
            return this;
        }

        /** Adds free arguments after the others, such as {@code --script banner}. */
        public Builder add(String... arguments) {
            extra.addAll(List.of(arguments));
            return this;
        }

        /** Uses exactly these arguments, ignoring the typed settings and the defaults. */
        public Builder replaceWith(List<String> arguments) {
            this.replacement = List.copyOf(arguments);
            return this;
        }

        /** How often nmap reports progress ({@code --stats-every}); null for never; 5 seconds by default. */
        public Builder statsEvery(Duration interval) {
            if (interval != null && interval.toMillis() < 100) {
                throw new InvalidNmapOptionsException("--stats-every needs at least 100 ms, not " + interval);
            }
            this.statsEvery = interval;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options, never null
         * @throws InvalidNmapOptionsException when an argument would break the runner
         */
        public NmapOptions build() {
            List<String> arguments = new ArrayList<>();
            if (replacement != null) {
                arguments.addAll(replacement);
            } else {
                if (verbosity > 0) {
                    arguments.add("-" + "v".repeat(verbosity));
                }
                if (serviceDetection) {
                    arguments.add("-sV");
                }
                if (topPorts != null) {
                    arguments.add("--top-ports");
                    arguments.add(Integer.toString(topPorts));
                } else if (ports != null) {
                    arguments.add("-p");
                    arguments.add(ports);
                }
                if (timing != null) {
                    arguments.add("-T" + timing);
                }
                if (skipHostDiscovery) {
                    arguments.add("-Pn");
                }
                if (reverseDns == ReverseDns.ALWAYS) {
                    arguments.add("-R");
                } else if (reverseDns == ReverseDns.NEVER) {
                    arguments.add("-n");
                }
            }
            arguments.addAll(extra);
            for (String argument : arguments) {
                check(argument);
            }
            return new NmapOptions(arguments, statsEvery);
        }

        private static void check(String argument) {
            Objects.requireNonNull(argument, "an nmap argument is null");
            if (argument.chars().anyMatch(c -> c == 0 || Character.isISOControl(c))) {
                throw new InvalidNmapOptionsException("an nmap argument holds a control character: '"
                        + argument.replaceAll("\\p{Cntrl}", "?") + "'");
            }
            String reserved = reserved(argument);
            if (reserved != null) {
                throw new InvalidNmapOptionsException("the nmap argument '" + argument + "' is not allowed: " + why(reserved));
            }
        }

        /**
         * Returns the reserved option an argument means to nmap, or null: {@code -oN}, {@code --oN=x},
         * {@code -oNx}, {@code --resum} and {@code --append_output} all count.
         */
        static @Nullable String reserved(String argument) {
            if (!argument.startsWith("-") || argument.equals("-") || argument.equals("--")) {
                return null;
            }
            boolean twoDashes = argument.startsWith("--");
            String body = argument.substring(twoDashes ? 2 : 1);
            int equals = body.indexOf('=');
            String name = (equals >= 0 ? body.substring(0, equals) : body).replace('_', '-');
            if (name.isEmpty()) {
                return null;
            }
            if (!twoDashes && name.length() == 1) {
                // one dash and one letter is a short option, as getopt_long_only reads it
                return RESERVED_SHORT.indexOf(name.charAt(0)) >= 0 ? name : null;
            }
            for (String reserved : RESERVED) {
                if (reserved.startsWith(name)) {
                    return reserved;
                }
            }
            // one dash with the value run on: -oNfile, -iLfile
            if (!twoDashes && name.length() > 2 && (name.charAt(0) == 'o' || name.charAt(0) == 'i')
                    && RESERVED.contains(name.substring(0, 2))) {
                return name.substring(0, 2);
            }
            return null;
        }

        private static String why(String reserved) {
            if (reserved.startsWith("o") || reserved.equals("append-output")) {
                return "nmapdiff writes nmap's XML output itself and keeps it as the snapshot; remove the output option";
            }
            if (reserved.startsWith("i") && !reserved.equals("iflist")) {
                return "targets come from the targets file (-f) only; remove it";
            }
            if (reserved.equals("resume")) {
                return "nmapdiff runs each scan whole; remove it";
            }
            if (reserved.equals("stats-every")) {
                return "set the progress interval with NmapOptions.Builder.statsEvery (CLI: --stats-every) instead";
            }
            return "it makes nmap print information instead of scanning; remove it";
        }
    }
}
