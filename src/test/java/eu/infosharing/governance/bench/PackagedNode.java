package eu.infosharing.governance.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged application started as its own JVM, the way it runs in production, for the benchmarks that measure it
 * from outside (startup, memory, the entry lifecycle). Two ways to start it:
 * <ul>
 * <li>{@link Jvm#PLAIN}: {@code java -Xmx384m -jar} the Spring Boot jar, as issue 17 measured it;</li>
 * <li>{@link Jvm#SHIPPED}: as the Dockerfile starts it: the jar extracted by Spring Boot's tools, a class-data-sharing
 * archive made by a training run of this JVM, and the options in {@code src/main/jvm/jvm.options}, with
 * {@code -Xmx384m}.</li>
 * </ul>
 */
final class PackagedNode implements AutoCloseable {

    static final Path OUT = Path.of("target", "bench");
    private static final Path OPTIONS = Path.of("src", "main", "jvm", "jvm.options").toAbsolutePath();
    private static final Path SHIPPED = OUT.resolve("shipped").toAbsolutePath();
    private static final Pattern STARTED =
            Pattern.compile("Started GovernanceApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    enum Jvm {
        PLAIN, SHIPPED;

        static Jvm fromProperty() {
            return valueOf(System.getProperty("bench.jvm", "shipped").toUpperCase(Locale.ROOT));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;
    private final Path log;
    private final long launched;
    final String base;

    private PackagedNode(Process process, Path log, long launched, int port) {
        this.process = process;
        this.log = log;
        this.launched = launched;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts the node in {@code workDir} with the application arguments given, on a free port; output to {@code log}. */
    static PackagedNode start(Jvm jvm, Path workDir, Path log, List<String> appArgs) throws IOException {
        return start(jvm, workDir, log, List.of(), appArgs);
    }

    /** The same, with JVM options added to the way's own (before {@code -jar}). */
    static PackagedNode start(Jvm jvm, Path workDir, Path log, List<String> jvmArgs, List<String> appArgs) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmArgs);
        if (jvm == Jvm.SHIPPED) {
            Path archive = shippedLayout();
            command.addAll(List.of("@" + OPTIONS, "-Xmx384m", "-XX:SharedArchiveFile=" + archive,
                    "-jar", SHIPPED.resolve("app.jar").toString()));
        } else {
            command.addAll(List.of("-Xmx384m", "-jar", jar().toString()));
        }
        command.addAll(appArgs);
        command.add("--server.port=" + port);
        Files.createDirectories(workDir);
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new PackagedNode(process, log, launched, port);
    }

    /** Seconds from launching the JVM to the node's first successful answer (its health endpoint). */
    double awaitFirstAnswer() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The node exited: see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return (System.nanoTime() - launched) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The node did not answer within 10 minutes: see " + log);
    }

    /** Spring Boot's own figure: "Started GovernanceApplication in x seconds", or -1 when the log has no such line. */
    double startedSeconds() throws IOException {
        Matcher m = STARTED.matcher(Files.readString(log));
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    /** The resident set of the node's JVM, in MB. */
    long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /**
     * CPU seconds the node's JVM has used so far (user and system, all its threads): they depend much less than the
     * elapsed time on what else the machine runs.
     */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        // fields after the command name, which is in parentheses: state is field 3, utime 14, stime 15 (clock ticks)
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("arrangement-governance-.*\\.jar"))
                    .findFirst().map(Path::toAbsolutePath)
                    .orElseThrow(() -> new AssertionError("Run through mvn -Pbench verify: the packaged jar is needed"));
        }
    }

    /**
     * The jar extracted and its class-data-sharing archive, made once per packaged jar, the way the Dockerfile makes
     * them: Spring Boot's {@code extract}, then a training run that stops once the application context is refreshed
     * ({@code spring.context.exit=onRefresh}) on an in-memory database and writes the classes it loaded.
     */
    static synchronized Path shippedLayout() throws IOException {
        Path jar = jar();
        Path archive = SHIPPED.resolve("app.jsa");
        if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            return archive;
        }
        long began = System.nanoTime();
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", SHIPPED.toString(),
                "--application-filename", "app.jar", "--force"), "extract");
        run(List.of(java(), "@" + OPTIONS, "-Xmx384m", "-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh", "-jar", SHIPPED.resolve("app.jar").toString(),
                "--spring.datasource.url=jdbc:h2:mem:training", "--governance.demo.enabled=false"), "training");
        System.out.printf(Locale.ROOT, "shipped layout: extracted and class-data-sharing archive made in %.0f s (%d MB)%n",
                (System.nanoTime() - began) / 1e9, Files.size(archive) / (1024 * 1024));
        return archive;
    }

    private static void run(List<String> command, String what) throws IOException {
        Path log = OUT.resolve("shipped-" + what + ".log");
        Files.createDirectories(SHIPPED);
        try {
            Process p = new ProcessBuilder(command).directory(SHIPPED.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new AssertionError("The " + what + " step failed: see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
