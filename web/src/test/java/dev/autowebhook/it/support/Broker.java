package dev.autowebhook.it.support;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A real Apache Artemis broker embedded in the test JVM, for the JMS delivery channel: the
 * application under test publishes to {@link #url()} (pass it as {@code AUTOWEBHOOK_JMS_BROKER_URL}
 * to {@link AppServer.Builder#env}), and tests consume with the standard Jakarta Messaging API, as an
 * enterprise consumer would. Payara Micro has no broker of its own.
 *
 * <p>Messages are persistent in {@code <it.work.dir>/artemis/<pid>-<port>/} (journal without fsync:
 * it survives {@link #stop()}/{@link #restart()}, not a machine crash), so an outage test can check
 * that nothing published before it is lost. {@link #stop()} keeps the port; while stopped, another
 * process could in theory take it, and {@link #restart()} then fails. {@link #close()} stops the
 * broker for good and deletes its data. Security is off: any user and password are accepted.
 */
public final class Broker implements AutoCloseable {

    /** Held so the level set on it sticks: the broker's per-queue INFO lines would drown the test output. */
    private static final Logger ARTEMIS_LOG = Logger.getLogger("org.apache.activemq");

    private final int port;
    private final Path dataDir;
    private final EmbeddedActiveMQ server;
    private final ActiveMQConnectionFactory client;
    private boolean running; // guarded by this

    private Broker(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("it-broker-" + port);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setPersistenceEnabled(true);
        config.setJournalType(JournalType.NIO);
        config.setJournalDatasync(false);
        config.setJournalFileSize(1024 * 1024);
        config.setBrokerInstance(dataDir.toFile());
        config.setJournalDirectory(dataDir.resolve("journal").toString());
        config.setBindingsDirectory(dataDir.resolve("bindings").toString());
        config.setPagingDirectory(dataDir.resolve("paging").toString());
        config.setLargeMessagesDirectory(dataDir.resolve("large-messages").toString());
        try {
            config.addAcceptorConfiguration("tcp", url());
        } catch (Exception e) {
            throw new IllegalStateException("Bad acceptor URL " + url(), e);
        }
        config.addAddressSetting("#", new AddressSettings() // also stops a warning per new queue
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        this.server = new EmbeddedActiveMQ().setConfiguration(config);
        this.client = new ActiveMQConnectionFactory(url());
    }

    /** Starts a new broker on {@code 127.0.0.1} and a free port. */
    public static Broker start() {
        ARTEMIS_LOG.setLevel(Level.WARNING);
        Path base = Postgres.workDir().resolve("artemis");
        removeStaleRuns(base);
        int port = freePort();
        Broker broker = new Broker(port, base.resolve(ProcessHandle.current().pid() + "-" + port));
        broker.restart();
        return broker;
    }

    /** {@code tcp://127.0.0.1:<port>}: the value for {@code AUTOWEBHOOK_JMS_BROKER_URL}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the broker (an outage): clients are disconnected, messages and port are kept. No-op if stopped. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the Artemis broker on " + url(), e);
        }
        running = false;
        System.out.printf("[it] Artemis broker stopped on 127.0.0.1:%d%n", port);
    }

    /** Starts the broker again after {@link #stop()}, same port and messages. No-op if running. */
    public synchronized void restart() {
        if (running) {
            return;
        }
        long started = System.nanoTime();
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("The Artemis broker did not start on " + url(), e);
        }
        running = true;
        System.out.printf("[it] Artemis broker started on 127.0.0.1:%d in %.1f s (data: %s)%n",
                port, (System.nanoTime() - started) / 1e9, dataDir);
    }

    public synchronized boolean isRunning() {
        return running;
    }

    /**
     * Consumes exactly {@code count} messages from queue {@code queue} (creating it if needed), waiting
     * up to {@code timeout} in all; {@link AssertionError} listing what did arrive if fewer came.
     * Messages beyond {@code count} stay on the queue.
     */
    public List<TextMessage> receive(String queue, int count, Duration timeout) {
        try (JMSContext context = client.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            return receive(consumer, "queue:" + queue, count, timeout);
        }
    }

    /**
     * Subscribes to topic {@code topic} now (a topic keeps nothing for subscribers that come later):
     * subscribe before the application publishes. Close the subscription when done.
     */
    public TopicSubscription subscribe(String topic) {
        JMSContext context = client.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        try {
            return new TopicSubscription("topic:" + topic, context,
                    context.createConsumer(context.createTopic(topic)));
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** Messages waiting in queue {@code queue} (0 if it does not exist); the broker must be running. */
    public long messageCount(String queue) {
        Queue q = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return q == null ? 0 : q.getMessageCount();
    }

    /** Stops the broker for good and deletes its data. */
    @Override
    public synchronized void close() {
        client.close();
        stop();
        try {
            deleteTree(dataDir);
        } catch (IOException e) {
            // a few megabytes left under target/: removed by the next run or mvn clean
        }
    }

    @Override
    public String toString() {
        return "Broker[" + url() + ", " + dataDir + "]";
    }

    /** A non-durable topic subscription, open until {@link #close()}; one thread at a time. */
    public static final class TopicSubscription implements AutoCloseable {
        private final String name;
        private final JMSContext context;
        private final JMSConsumer consumer;

        private TopicSubscription(String name, JMSContext context, JMSConsumer consumer) {
            this.name = name;
            this.context = context;
            this.consumer = consumer;
        }

        /** The next {@code count} messages, waiting up to {@code timeout} in all; {@link AssertionError} if fewer came. */
        public List<TextMessage> receive(int count, Duration timeout) {
            return Broker.receive(consumer, name, count, timeout);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static List<TextMessage> receive(JMSConsumer consumer, String from, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TextMessage> messages = new ArrayList<>();
        while (messages.size() < count) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            Message m = remainingMillis > 0 ? consumer.receive(remainingMillis) : null;
            if (m == null) {
                throw new AssertionError("Expected " + count + " message(s) from " + from + " within " + timeout
                        + " but got " + messages.size() + describe(messages));
            }
            if (!(m instanceof TextMessage text)) {
                throw new AssertionError("Expected a TextMessage from " + from + " but got " + m);
            }
            messages.add(text);
        }
        return messages;
    }

    private static String describe(List<TextMessage> messages) {
        StringBuilder sb = new StringBuilder();
        for (TextMessage m : messages) {
            try {
                sb.append("\n  ").append(m.getJMSCorrelationID()).append(' ').append(Json.abbreviate(m.getText()));
            } catch (JMSException e) {
                sb.append("\n  ").append(m);
            }
        }
        return sb.toString();
    }

    /** Deletes the data of brokers whose test JVM is gone (directories are named {@code <pid>-<port>}). */
    private static void removeStaleRuns(Path base) {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> runs = Files.list(base)) {
            for (Path run : runs.toList()) {
                String name = run.getFileName().toString();
                int dash = name.indexOf('-');
                try {
                    long pid = Long.parseLong(dash > 0 ? name.substring(0, dash) : name);
                    if (ProcessHandle.of(pid).isEmpty()) {
                        deleteTree(run);
                    }
                } catch (NumberFormatException | IOException e) {
                    // not ours, or in use: leave it
                }
            }
        } catch (IOException e) {
            // best effort: stale data only wastes disk space
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
