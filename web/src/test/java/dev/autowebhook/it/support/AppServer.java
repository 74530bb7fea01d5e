package dev.autowebhook.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged WAR running in a real Payara Micro child process, configured only through its
 * environment, so integration tests exercise exactly what ships (no Arquillian, no mocks).
 *
 * <p>Output goes to {@code <it.work.dir>/<name>.log}, appended across restarts with a marker line per
 * start. {@link #start()} waits until {@code GET /api/v1/admin/subscribers} with the admin credentials
 * answers 200; if the process exits or the wait times out it is killed and the start fails with the
 * last 80 log lines. The port is chosen once and kept by {@link #restart()}. The process runs in
 * {@code <it.work.dir>}, or with {@link Builder#embeddedDatabase()} in a directory of its own.
 *
 * <p>Static state (documented singletons): the set of running servers, so a JVM shutdown hook can stop
 * every server a test forgot (before {@link Postgres} stops), and the lazily started {@link #shared()}
 * server most tests use. A server left running by a killed test JVM is killed by the next start of a
 * server with the same name (via {@code <name>.pid}).
 */
public final class AppServer {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin-secret-1";
    public static final String READINESS_PATH = "/api/v1/admin/subscribers";

    private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READINESS_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final long READINESS_INTERVAL_MILLIS = 250;
    /**
     * As run.sh: at least 2 common-pool threads. With 1 (the default on 2 cores) every
     * CompletableFuture hop to the default executor, e.g. each response of the JDK HttpClient's
     * sendAsync, starts a new thread.
     */
    private static final String COMMON_POOL = "-Djava.util.concurrent.ForkJoinPool.common.parallelism="
            + Math.max(2, Runtime.getRuntime().availableProcessors() - 1);
    private static final int LOG_TAIL_LINES = 80;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Servers whose process was started and not yet stopped (documented singleton registry). */
    private static final Set<AppServer> RUNNING = ConcurrentHashMap.newKeySet();
    /** The shared server and the error of its failed first start; guarded by {@code AppServer.class}. */
    private static AppServer shared;
    private static RuntimeException sharedFailure;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AppServer::terminateAll, "it-appserver-shutdown"));
    }

    private final String name;
    private final int port;
    private final Map<String, String> env;
    private final List<String> jvmArgs;
    private final Duration startupTimeout;
    private final Path workDir;
    private final Path processDir;
    private final Path logFile;
    private final Path tmpDir;
    private final Path pidFile;
    private volatile Process process;
    private volatile long logOffsetAtStart;

    private AppServer(Builder b, int port) {
        this.name = b.name;
        this.port = port;
        this.jvmArgs = List.copyOf(b.jvmArgs);
        this.startupTimeout = b.startupTimeout;
        this.workDir = Postgres.workDir();
        this.processDir = b.embeddedDatabase ? workDir.resolve(name) : workDir;
        this.logFile = workDir.resolve(name + ".log");
        this.tmpDir = workDir.resolve("tmp-" + name);
        this.pidFile = workDir.resolve(name + ".pid");
        Map<String, String> e = new LinkedHashMap<>();
        e.put("AUTOWEBHOOK_HTTP_PORT", Integer.toString(port));
        e.put("AUTOWEBHOOK_ALLOWED_TARGETS", "127.0.0.0/8");
        e.put("AUTOWEBHOOK_RETRY_BASE_SECONDS", "1");
        e.put("AUTOWEBHOOK_ADMIN_USER", ADMIN_USER);
        e.put("AUTOWEBHOOK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        e.put("AUTOWEBHOOK_LEASE_MARGIN_SECONDS", "3");
        e.putAll(b.databaseEnv);
        e.putAll(b.env);
        this.env = Map.copyOf(e);
        // for LogSecretsIT (the database password is left out: PostgreSQL trusts, and it equals the user name)
        Secrets.record(env.get("AUTOWEBHOOK_ADMIN_PASSWORD"));
        Secrets.record(env.get("AUTOWEBHOOK_MASTER_KEY"));
        Secrets.record(env.get("AUTOWEBHOOK_MASTER_KEY_PREVIOUS"));
        Secrets.record(env.get("AUTOWEBHOOK_JMS_PASSWORD"));
    }

    /** Starts configuring a server; {@code name} (letters, digits, {@code . _ -}) names its log and temp dir. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The server most ITs share: database {@code shared} on {@link Postgres#instance()}, started on first
     * use (and started again if a test stopped it), stopped at JVM exit. A failed first start is rethrown
     * at once on later calls instead of waiting again. Do not reconfigure, stop or kill it in a test:
     * build a server of your own for that.
     */
    public static synchronized AppServer shared() {
        if (sharedFailure != null) {
            throw new IllegalStateException("The shared AppServer failed to start earlier in this JVM: "
                    + sharedFailure.getMessage(), sharedFailure);
        }
        try {
            if (shared == null) {
                Postgres postgres = Postgres.instance();
                String url = postgres.createDatabase("shared");
                shared = builder("shared").database(url, postgres.user(), postgres.password()).build();
            }
            if (!shared.isRunning()) {
                shared.start();
            }
            return shared;
        } catch (RuntimeException e) {
            sharedFailure = e;
            throw e;
        }
    }

    /** Launches the process and waits until the application answers; fails with the log tail otherwise. */
    public synchronized AppServer start() {
        if (isRunning()) {
            throw new IllegalStateException(this + " is already running");
        }
        for (AppServer other : RUNNING) {
            if (other != this && other.name.equals(name)) {
                throw new IllegalStateException("Another running AppServer is named '" + name + "'");
            }
        }
        Path jar = requiredFile("payara.micro.jar", Path.of("target", "runtime"), "payara-micro-", ".jar");
        Path war = requiredFile("app.war", Path.of("target"), "autowebhook", ".war");
        Path postBoot = postBootCommands();
        Path preBoot = commandFile(postBoot.resolveSibling("pre-boot.asadmin"), "pre-boot");
        killOrphan();
        awaitPortFree(Duration.ofSeconds(30));

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmpDir,
                "-Dsun.net.httpserver.nodelay=true", COMMON_POOL));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "--nocluster", "--port", Integer.toString(port),
                "--contextroot", "/", "--prebootcommandfile", preBoot.toString(),
                "--postbootcommandfile", postBoot.toString(), "--deploy", war.toString()));

        long started = System.nanoTime();
        try {
            Files.createDirectories(tmpDir);
            Files.writeString(logFile, System.lineSeparator() + "===== [it] starting " + name + " on port " + port
                            + " at " + Instant.now() + ": " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            logOffsetAtStart = Files.size(logFile);
            Files.createDirectories(processDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(processDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().keySet().removeIf(k -> k.startsWith("AUTOWEBHOOK_"));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch Payara Micro for " + this, e);
        }
        RUNNING.add(this);
        writePidFile();

        awaitReady(started);
        System.out.printf("[it] AppServer '%s' started on %s in %.1f s (log: %s)%n",
                name, baseUrl(), (System.nanoTime() - started) / 1e9, logFile);
        return this;
    }

    /** Graceful stop: SIGTERM, up to 30 s for Payara's shutdown, then SIGKILL. No-op if not running. */
    public synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        terminate(p, true);
        stopped();
        System.out.printf("[it] AppServer '%s' stopped on port %d (log: %s)%n", name, port, logFile);
    }

    /** Hard crash: SIGKILL the process and its descendants and wait for them to exit. No-op if not running. */
    public synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        terminate(p, false);
        stopped();
        System.out.printf("[it] AppServer '%s' killed on port %d (log: %s)%n", name, port, logFile);
    }

    /** Stops the server if it is running, then starts it again with the same port, environment and database. */
    public synchronized void restart() {
        stop();
        start();
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The process id, while running. */
    public long pid() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException(this + " is not running");
        }
        return p.pid();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The environment passed to the process (defaults, database, then {@link Builder#env} overrides). */
    public Map<String, String> env() {
        return env;
    }

    /** A client with the admin credentials this server was started with. */
    public Api admin() {
        return api(env.get("AUTOWEBHOOK_ADMIN_USER"), env.get("AUTOWEBHOOK_ADMIN_PASSWORD"));
    }

    public Api api(String user, String password) {
        return new Api(baseUrl(), user, password);
    }

    public Api anonymous() {
        return new Api(baseUrl());
    }

    public Path log() {
        return logFile;
    }

    /** The process's working directory, where {@code ./data} (H2 database, master key) is. */
    public Path directory() {
        return processDir;
    }

    /** The whole log, every start included. */
    public String logText() {
        return readLog(0);
    }

    /** The log written since the latest start. */
    public String logSinceStart() {
        return readLog(logOffsetAtStart);
    }

    @Override
    public String toString() {
        return "AppServer[" + name + ", " + baseUrl() + "]";
    }

    // ----------------------------------------------------------------------------------------------

    /** Stops every running server: SIGTERM to all, then waits (the JVM shutdown path; prints nothing). */
    static void terminateAll() {
        List<AppServer> servers = List.copyOf(RUNNING);
        for (AppServer s : servers) {
            Process p = s.process;
            if (p != null) {
                p.destroy();
            }
        }
        for (AppServer s : servers) {
            Process p = s.process;
            if (p != null) {
                terminate(p, true);
            }
            RUNNING.remove(s);
        }
    }

    /** The last {@code lines} lines of a text file ("" if it cannot be read). */
    static String tail(Path file, int lines) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            List<String> all = Arrays.asList(text.split("\\R"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private void awaitReady(long startedNanos) {
        long deadline = startedNanos + startupTimeout.toNanos();
        Api admin = admin();
        String last = "no answer yet";
        while (true) {
            Process p = process;
            if (!p.isAlive()) {
                failStart("exited with code " + p.exitValue());
            }
            try {
                ApiResponse r = admin.send("GET", READINESS_PATH, null, null, READINESS_REQUEST_TIMEOUT);
                if (r.status() == 200) {
                    return;
                }
                last = r.toString();
            } catch (UncheckedIOException e) {
                last = e.getMessage();
                if (logSinceStart().contains("java.net.BindException")) {
                    failStart("could not bind port " + port);
                }
            }
            if (System.nanoTime() > deadline) {
                failStart("was not ready within " + startupTimeout + " (last readiness check: " + last + ")");
            }
            try {
                Thread.sleep(READINESS_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new IllegalStateException("Interrupted while starting " + this, e);
            }
        }
    }

    private void failStart(String reason) {
        Process p = process;
        if (p != null) {
            terminate(p, false);
        }
        stopped();
        throw new IllegalStateException("AppServer '" + name + "' on port " + port + " " + reason
                + ". Last " + LOG_TAIL_LINES + " lines of " + logFile + ":\n" + tail(logFile, LOG_TAIL_LINES));
    }

    private void stopped() {
        process = null;
        RUNNING.remove(this);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // harmless: the next start checks whether the recorded process is still alive
        }
    }

    /** Ends the process (SIGTERM with a grace period, or SIGKILL) and any descendants, waiting for the exit. */
    private static void terminate(Process p, boolean graceful) {
        List<ProcessHandle> descendants = p.descendants().toList();
        try {
            if (graceful) {
                p.destroy();
                if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } else {
                p.destroyForcibly();
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
            p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private String readLog(long offset) {
        try {
            byte[] bytes = Files.readAllBytes(logFile);
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void writePidFile() {
        try {
            Files.writeString(pidFile, process.pid() + " " + ProcessHandle.current().pid(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // only used to clean up after a killed test JVM
        }
    }

    /** Kills the Payara Micro a previous, now dead, test JVM left running under this name. */
    private void killOrphan() {
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            String[] pids = Files.readString(pidFile).trim().split("\\s+");
            long child = Long.parseLong(pids[0]);
            long owner = Long.parseLong(pids[1]);
            if (owner == ProcessHandle.current().pid() || ProcessHandle.of(owner).isPresent()) {
                return; // owned by a live JVM (this one, or a concurrent build): not ours to kill
            }
            Optional<ProcessHandle> orphan = ProcessHandle.of(child)
                    .filter(h -> h.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false));
            if (orphan.isPresent()) {
                List<ProcessHandle> descendants = orphan.get().descendants().toList();
                orphan.get().destroyForcibly();
                descendants.forEach(ProcessHandle::destroyForcibly);
                orphan.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            Files.deleteIfExists(pidFile);
        } catch (Exception e) {
            // best effort
        }
    }

    /** After a kill or a restart the port may take a moment to be bindable again. */
    private void awaitPortFree(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(port));
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Port " + port + " of " + this + " is still in use after "
                            + timeout, e);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for port " + port, e);
            }
        }
    }

    private static Path requiredFile(String property, Path fallbackDir, String prefix, String suffix) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("-D" + property + "=" + configured + " does not exist: run `mvn -pl web package` first");
            }
            return path.toAbsolutePath();
        }
        // outside failsafe (e.g. an IDE running in the web module): look in target/
        try (Stream<Path> files = Files.list(fallbackDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(suffix))
                    .findFirst()
                    .map(Path::toAbsolutePath)
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("System property " + property + " is not set and no " + prefix + "*" + suffix
                    + " was found in " + fallbackDir.toAbsolutePath() + ": run the ITs with `mvn verify`", e);
        }
    }

    /**
     * The asadmin commands run.sh passes too ({@code server-config/payara-micro/post-boot.asadmin}: Payara's
     * own metrics off {@code /metrics}; {@code pre-boot.asadmin} beside it: no Server header);
     * {@code -Dpayara.postboot.file} or, outside failsafe, found from the web module's directory.
     */
    private static Path postBootCommands() {
        String configured = System.getProperty("payara.postboot.file");
        Path file = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("..", "server-config", "payara-micro", "post-boot.asadmin");
        return commandFile(file, "post-boot");
    }

    private static Path commandFile(Path file, String kind) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Payara Micro " + kind + " command file " + file.toAbsolutePath()
                    + " does not exist");
        }
        return file.toAbsolutePath().normalize();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /** Configures an {@link AppServer}; nothing runs until {@link AppServer#start()}. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> databaseEnv = new LinkedHashMap<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private boolean embeddedDatabase;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private int port;

        private Builder(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("AppServer name must match " + NAME + ": " + name);
            }
            this.name = name;
        }

        /** Sets {@code AUTOWEBHOOK_DB_URL}, {@code _USER} and {@code _PASSWORD}. */
        public Builder database(String jdbcUrl, String user, String password) {
            databaseEnv.put("AUTOWEBHOOK_DB_URL", jdbcUrl);
            databaseEnv.put("AUTOWEBHOOK_DB_USER", user);
            databaseEnv.put("AUTOWEBHOOK_DB_PASSWORD", password);
            return this;
        }

        /**
         * No database configuration at all, as a new user's {@code ./run.sh}: the application's default
         * embedded H2 file database ({@code ConfiguredDataSource.DEFAULT_URL}, {@code ./data/autowebhook}
         * relative to the working directory). The process runs in {@code <it.work.dir>/<name>/}, emptied
         * by {@link #build()}, so its database and {@code data/master.key} are new (kept by restarts).
         */
        public Builder embeddedDatabase() {
            embeddedDatabase = true;
            return this;
        }

        /** An environment variable for the process; overrides the defaults and {@link #database}. */
        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /** An extra JVM option for the server process (after the defaults, so it can override them). */
        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        /** A fixed HTTP port instead of a free one picked at {@link #build()}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** How long {@link AppServer#start()} waits for readiness (default 180 s). */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        public AppServer build() {
            if (embeddedDatabase) {
                if (Stream.concat(databaseEnv.keySet().stream(), env.keySet().stream())
                        .anyMatch(k -> k.startsWith("AUTOWEBHOOK_DB_"))) {
                    throw new IllegalStateException("AppServer '" + name
                            + "' uses the embedded database: no AUTOWEBHOOK_DB_* settings");
                }
                deleteTree(Postgres.workDir().resolve(name));
            }
            return new AppServer(this, port != 0 ? port : freePort());
        }

        private static void deleteTree(Path dir) {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot empty " + dir, e);
            }
        }
    }
}
