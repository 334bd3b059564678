package eu.infosharing.governance.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * How fast the packaged product starts and how much memory it keeps, as a newcomer runs it: the default profile on its
 * embedded H2 file database, {@code -Xmx384m}. Each round starts the node on an empty database (schemas, models, demo
 * data created), stops it, and starts it again on the database it left (a restart). The elapsed time depends on what
 * else the machine runs; the CPU seconds the JVM used until it first answered depend on it much less. The resident set
 * is read when the node first answers and again after it has been idle for {@code bench.idle-seconds} (45 by
 * default). Both ways of {@link PackagedNode} are measured: the plain jar and the shipped layout (class-data-sharing
 * archive and {@code src/main/jvm/jvm.options}). Prints the medians of {@code bench.rounds} rounds (3 by default) and writes them to
 * {@code target/bench/startup.md}; asserts nothing about time.
 *
 * <p>Run: {@code mvn -Pbench verify -Dit.test=StartupBench}.
 */
class StartupBench {

    private record Start(double started, double firstAnswer, double cpu, long rssStarted, long rssIdle) {
    }

    @Test
    void startupAndMemoryOfThePackagedNode() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int idleSeconds = Integer.getInteger("bench.idle-seconds", 45);
        StringBuilder table = new StringBuilder("| JVM | database | Spring Boot started, s | first answer, s | CPU s to first answer "
                + "| RSS at first answer, MB | RSS after " + idleSeconds + " s idle, MB |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (PackagedNode.Jvm jvm : PackagedNode.Jvm.values()) {
            if (jvm == PackagedNode.Jvm.SHIPPED) {
                PackagedNode.shippedLayout();
            }
            List<Start> empty = new ArrayList<>();
            List<Start> restart = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Path dir = PackagedNode.OUT.resolve("startup-" + jvm.name().toLowerCase(Locale.ROOT));
                FileSystemUtils.deleteRecursively(dir);
                empty.add(start(jvm, dir, "empty", idleSeconds));
                restart.add(start(jvm, dir, "restart", idleSeconds));
            }
            table.append(row(jvm, "empty", empty)).append(row(jvm, "restart", restart));
        }
        String report = String.format(Locale.ROOT, "Startup of the packaged node on H2, -Xmx384m, medians of %d rounds; %d cores, "
                        + "load average %.1f at the end%n%n", rounds, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + table;
        System.out.println(report);
        Files.writeString(PackagedNode.OUT.resolve("startup.md"), report);
    }

    private static Start start(PackagedNode.Jvm jvm, Path dir, String what, int idleSeconds) throws Exception {
        Path log = PackagedNode.OUT.resolve("startup-" + jvm.name().toLowerCase(Locale.ROOT) + "-" + what + ".log");
        try (PackagedNode node = PackagedNode.start(jvm, dir, log, List.of())) {
            double firstAnswer = node.awaitFirstAnswer();
            double cpu = node.cpuSeconds();
            long rssStarted = node.rssMb();
            Thread.sleep(idleSeconds * 1000L);
            Start start = new Start(node.startedSeconds(), firstAnswer, cpu, rssStarted, node.rssMb());
            System.out.printf(Locale.ROOT, "[startup] %s, %s database: %s%n", jvm, what, start);
            return start;
        }
    }

    private static String row(PackagedNode.Jvm jvm, String database, List<Start> starts) {
        return String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.0f | %.0f |%n", jvm.name().toLowerCase(Locale.ROOT),
                database, median(starts, Start::started), median(starts, Start::firstAnswer), median(starts, Start::cpu),
                median(starts, s -> s.rssStarted), median(starts, s -> s.rssIdle));
    }

    private static double median(List<Start> starts, ToDoubleFunction<Start> figure) {
        List<Double> sorted = starts.stream().map(figure::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
        return sorted.get(sorted.size() / 2);
    }
}
