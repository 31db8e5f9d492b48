package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.run.Snapshots;
import io.github.nmapdiff.core.spi.Snapshot;
import io.github.nmapdiff.store.jdbc.PostgresStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nmapdiff store}: the database of every site's history, for whoever runs it. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "The database of every site's history (--store): its sites, its schema.",
        subcommands = {StoreCommand.Sites.class, StoreCommand.Migrate.class, StoreCommand.ForgetSite.class})
final class StoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    private static StoreOptions.Settings database(StoreOptions store) {
        StoreOptions.Settings settings = store.settings();
        if (!settings.database()) {
            throw new NmapDiffException("give the database with --store jdbc:postgresql://HOST:PORT/DB");
        }
        return settings;
    }

    /** {@code nmapdiff store sites}: the sites the role sees, with their last night. */
    @Command(name = "sites", mixinStandardHelpOptions = true, description = "Lists the sites this role can see, with each one's last night.")
    static final class Sites implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PostgresStore db = database(store).open()) {
                List<String> names = db.sites();
                out.printf("%-24s %9s  %s%n", "SITE", "SNAPSHOTS", "LAST NIGHT");
                for (String name : names) {
                    List<Snapshot> all = Snapshots.of(db.site(name)).list();
                    out.printf("%-24s %9d  %s%n", name, all.size(), all.isEmpty() ? "-"
                            : PointInTime.date(all.get(all.size() - 1).takenAt()) + " " + String.valueOf(all.get(all.size() - 1).summary()));
                }
                if (names.isEmpty()) {
                    out.println("(no sites yet)");
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code nmapdiff store migrate}: the schema brought to this version, as its owner. */
    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Brings the database's schema to this nmapdiff's version; run it as the schema's owner.")
    static final class Migrate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Override
        public Integer call() {
            try (PostgresStore db = database(store).open()) {
                spec.commandLine().getOut().println("nmapdiff: the schema of " + db.where() + " is up to date");
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code nmapdiff store forget-site NAME}: a site's history removed. */
    @Command(name = "forget-site", mixinStandardHelpOptions = true,
            description = "Removes a site and all its history (snapshots, memory) from the database.")
    static final class ForgetSite implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(paramLabel = "NAME", description = "the site")
        String name;

        @Override
        public Integer call() {
            try (PostgresStore db = database(store).open()) {
                if (!db.sites().contains(name)) {
                    throw new NmapDiffException("the database " + db.where() + " holds no site " + name + " that this role can see");
                }
                db.forgetSite(name);
                spec.commandLine().getOut().println("nmapdiff: site " + name + " and its history are gone from " + db.where());
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
