package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code nmapdiff} command line: {@code java -jar nmapdiff.jar COMMAND ...}.
 *
 * <p>Exit codes: 0 success (for {@code diff}: no difference), 1 differences, 2 error (with a
 * one-line message on stderr, never a stack trace).
 */
@Command(
        name = "nmapdiff",
        mixinStandardHelpOptions = true,
        versionProvider = NmapDiffCli.Version.class,
        description = "Watches a network for change with nmap.",
        footer = {
            "",
            "As the shell script it replaces: nmapdiff -f ips.txt --email ADDR -o DIR (the same as 'nmapdiff scan ...').",
            "Exit codes of scan and watch: see 'nmapdiff scan --help'; of diff: 0 no difference, 1 differences, 2 error."
        })
public final class NmapDiffCli {
    /** Exit code of a command that failed. */
    public static final int EXIT_ERROR = 2;

    /** The width of the help text, in characters. */
    private static final int HELP_WIDTH = 120;

    /** The options of nmapdiff itself rather than of a command: help and version. */
    private static final List<String> TOP_LEVEL_OPTIONS = List.of("-h", "--help", "-V", "--version");

    /** The commands, by name; picocli reads a command's annotations when it is added. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    /** Whether nmapdiff's own {@code -q} is given (not an nmap option inside {@code --nmap-args}). */
    static boolean quiet(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--nmap-args")) {
                i++;
            } else if (args[i].equals("-q") || args[i].equals("--quiet")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        if (quiet(args)) {
            // before the first logger: quiet means no progress lines, only warnings and errors
            System.setProperty("org.slf4j.simpleLogger.log.nmapdiff", "warn");
        }
        prepareInBackground(args);
        // scan data is UTF-8 whatever the platform's default; ndiff prints UTF-8 too
        // buffered: an inventory of 250,000 lines is written in large pieces, not character by character
        Writer stdout = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16);
        // on a terminal, text from the scanned network cannot move the cursor or hide itself
        PrintWriter out = new PrintWriter(TerminalWriter.standardOutputIsTerminal() ? new TerminalWriter(stdout) : stdout);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code;
        try {
            code = run(out, err, args);
        } catch (OutOfMemoryError e) {
            // an Error passes picocli's handlers; left alone, the JVM would exit with 1, which
            // for diff means "the scans differ"; what was being built is garbage by now
            err.println("nmapdiff: out of memory (" + e.getMessage() + "): give Java a larger heap, as in"
                    + " java -Xmx2g -jar nmapdiff.jar ..., or NMAPDIFF_JAVA_OPTS=-Xmx2g with the nmapdiff launcher");
            code = EXIT_ERROR;
        }
        System.exit(code);
    }

    /**
     * Sets up the XML reader on another thread while the command line is parsed: every command
     * but help and version reads nmap XML, and the set-up takes longer than the parsing.
     */
    private static void prepareInBackground(String[] args) {
        if (args.length == 0 || TOP_LEVEL_OPTIONS.contains(args[0])) {
            return;
        }
        Thread thread = new Thread(NmapXmlReader::prepare, "nmapdiff-prepare");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs the command line with the given output streams, for tests and embedding.
     *
     * @param out standard output, never null
     * @param err standard error, never null
     * @param args the arguments, never null
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        args = asScript(args);
        CommandLine cli = new CommandLine(new NmapDiffCli());
        addCommands(cli, args);
        // wide enough that no option's config key is broken at its dot
        cli.setUsageHelpWidth(HELP_WIDTH);
        cli.setOut(out);
        cli.setErr(err);
        // nmap options as a value: --nmap-args "-q" is nmap's -q, not nmapdiff's --quiet
        cli.setAllowOptionsAsOptionParameters(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // what a user can act on is the message; a stack trace is for bugs only
            if (e instanceof NmapDiffException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("nmapdiff: " + e.getMessage());
                return EXIT_ERROR;
            }
            if (System.getenv("NMAPDIFF_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().println("nmapdiff: unexpected error: " + e + " (a bug: please report it;"
                    + " NMAPDIFF_DEBUG=1 shows the stack trace)");
            return EXIT_ERROR;
        });
        cli.setParameterExceptionHandler((e, parsedArgs) -> {
            e.getCommandLine().getErr().println("nmapdiff: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, e.getCommandLine().getErr());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return EXIT_ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("scan", ScanCommand::new);
        commands.put("diff", DiffCommand::new);
        commands.put("history", HistoryCommand::new);
        commands.put("import", ImportCommand::new);
        commands.put("inventory", InventoryCommand::new);
        commands.put("report", ReportCommand::new);
        commands.put("watch", WatchCommand::new);
        commands.put("show", ShowCommand::new);
        commands.put("store", StoreCommand::new);
        return commands;
    }

    /**
     * Adds the command the arguments name, or all of them when they name none (for help, and
     * for picocli's "did you mean"): reading a command's annotations takes a while, and a run
     * uses one command.
     */
    private static void addCommands(CommandLine cli, String[] args) {
        String named = args.length > 0 && COMMANDS.containsKey(args[0]) ? args[0] : null;
        COMMANDS.forEach((name, command) -> {
            if (named == null || named.equals(name)) {
                cli.addSubcommand(name, command.get());
                if (name.equals("scan") || name.equals("watch")) {
                    List<String> footer = new ArrayList<>(List.of(""));
                    footer.addAll(ExitCode.lines());
                    CommandLine.Model.UsageMessageSpec usage = cli.getSubcommands().get(name).getCommandSpec().usageMessage();
                    // the order of the options in JobOptions: the script's flags first, --config after the settings it holds
                    usage.footer(footer.toArray(String[]::new)).sortOptions(false);
                }
            }
        });
    }

    /**
     * The shell script took its options without a command word ({@code -f ips.txt --email ADDR -o DIR});
     * they mean {@code scan}. Help and version stay the top-level ones.
     */
    static String[] asScript(String[] args) {
        if (args.length == 0 || !args[0].startsWith("-") || TOP_LEVEL_OPTIONS.contains(args[0])) {
            return args;
        }
        String[] scan = new String[args.length + 1];
        scan[0] = "scan";
        System.arraycopy(args, 0, scan, 1, args.length);
        return scan;
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = NmapDiffCli.class.getPackage().getImplementationVersion();
            return new String[] {"nmapdiff " + (version == null ? "(development build)" : version)};
        }
    }
}
