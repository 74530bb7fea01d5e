package dev.autowebhook.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one real PostgreSQL server of the test JVM (zonky embedded binaries, PostgreSQL 14), started
 * lazily by {@link #instance()} and stopped by a JVM shutdown hook after every {@link AppServer}.
 * Each application under test gets its own database ({@link #createDatabase}).
 *
 * <p>Files live in {@code <it.work.dir>/postgres/run-<pid>/} ({@code data/} and {@code postgres.log}).
 * The data directory of an earlier test JVM (one that ended, or a killed build) is removed by the
 * next start, including a postmaster left running, once its {@code owner.lock} is free; its
 * {@code postgres.log} stays, so that {@code LogSecretsIT}, run by a later failsafe execution of
 * the same build (each execution forks a JVM with its own PostgreSQL), still reads it.
 *
 * <p>{@link #stop()} and {@link #start()} stop and restart the same server process on the same data
 * directory and port, for database-outage tests. Limitation: while it is stopped the port is free, so
 * in theory another process could take it; {@link #start()} then fails with the bind error in
 * {@code postgres.log}.
 *
 * <p>Authentication is {@code trust} (zonky's initdb default): any password is accepted, so the
 * application's password-based configuration works unchanged.
 */
public final class Postgres {

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";

    /** The singleton and the error of its failed start (documented): guarded by {@code Postgres.class}. */
    private static Postgres instance;
    private static RuntimeException instanceFailure;

    private final Path runDir;
    private final Path dataDir;
    private final Path logFile;
    private final FileChannel ownerLockChannel;
    @SuppressWarnings("unused") // held for the life of the JVM; released by the OS when it exits
    private final FileLock ownerLock;
    private int port; // 0 until the first start; then fixed
    private EmbeddedPostgres server; // null while stopped; guarded by this

    private Postgres(Path runDir) throws IOException {
        this.runDir = runDir;
        this.dataDir = runDir.resolve("data");
        this.logFile = runDir.resolve("postgres.log");
        Files.createDirectories(dataDir);
        this.ownerLockChannel = FileChannel.open(runDir.resolve("owner.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.ownerLock = ownerLockChannel.tryLock();
    }

    /** The JVM-wide server, started on first use; a failed first start is rethrown on every later call. */
    public static synchronized Postgres instance() {
        if (instanceFailure != null) {
            throw new IllegalStateException("Embedded PostgreSQL failed to start earlier in this JVM", instanceFailure);
        }
        if (instance == null) {
            Path base = workDir().resolve("postgres");
            try {
                removeStaleRuns(base);
                Postgres postgres = new Postgres(base.resolve("run-" + ProcessHandle.current().pid()));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    AppServer.terminateAll(); // the applications first, so they do not log a database outage
                    postgres.stop(false); // quiet: the test runner's output channel may be gone
                }, "it-postgres-shutdown"));
                postgres.start();
                instance = postgres;
            } catch (IOException e) {
                instanceFailure = new UncheckedIOException("Cannot prepare embedded PostgreSQL under " + base, e);
                throw instanceFailure;
            } catch (RuntimeException e) {
                instanceFailure = e;
                throw e;
            }
        }
        return instance;
    }

    /** Starts the server (again) on the same data directory and port; no-op if running. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    // zonky's default is "off" (fast tests); the benchmark asks for durable commits ("on")
                    .setServerConfig("synchronous_commit", System.getProperty("it.postgres.synchronous-commit", "off"));
            if (port != 0) {
                builder.setPort(port);
            }
            server = builder.start();
            port = server.getPort();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start (port " + port + "); log: "
                    + logFile + "\n" + AppServer.tail(logFile, 40), e);
        }
        System.out.printf("[it] PostgreSQL started on 127.0.0.1:%d in %.1f s (log: %s)%n",
                port, (System.nanoTime() - started) / 1e9, logFile);
    }

    /** Stops the server (fast shutdown: sessions are disconnected); data and port are kept. No-op if stopped. */
    public void stop() {
        stop(true);
    }

    private synchronized void stop(boolean announce) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop embedded PostgreSQL", e);
        } finally {
            server = null;
        }
        if (announce) {
            System.out.printf("[it] PostgreSQL stopped on 127.0.0.1:%d (log: %s)%n", port, logFile);
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized int port() {
        return port;
    }

    /** Creates database {@code name} (letters, digits, underscore) and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Unsupported database name: " + name);
        }
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE " + name + " failed: " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** A new JDBC connection to {@code database} (the caller closes it). */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    public Path log() {
        return logFile;
    }

    @Override
    public String toString() {
        return "Postgres[127.0.0.1:" + port + ", " + runDir + "]";
    }

    public static Path workDir() {
        String dir = System.getProperty("it.work.dir");
        return Path.of(dir == null || dir.isBlank() ? "target/it" : dir).toAbsolutePath();
    }

    /**
     * Deletes the data directories of runs whose owning JVM is gone (its owner.lock can be taken),
     * stopping a left-over postmaster; their logs stay.
     */
    private static void removeStaleRuns(Path base) {
        if (!Files.isDirectory(base)) {
            return;
        }
        List<Path> runs;
        try (Stream<Path> children = Files.list(base)) {
            runs = children.filter(p -> p.getFileName().toString().startsWith("run-")).toList();
        } catch (IOException e) {
            return;
        }
        for (Path run : runs) {
            Path lockFile = run.resolve("owner.lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    continue; // another live test JVM owns it
                }
                Path data = run.resolve("data");
                if (Files.isDirectory(data)) {
                    stopOrphanPostmaster(data.resolve("postmaster.pid"));
                    deleteTree(data);
                }
            } catch (IOException | RuntimeException e) {
                // best effort: a stale data directory only wastes disk space
            }
        }
    }

    private static void stopOrphanPostmaster(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        postmaster.ifPresent(p -> { // its data is about to be deleted: no need for a clean shutdown
            List<ProcessHandle> backends = p.descendants().toList();
            p.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // best effort
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
