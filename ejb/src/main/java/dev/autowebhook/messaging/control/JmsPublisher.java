package dev.autowebhook.messaging.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes one event to a queue or topic for the JMS delivery channel. Payara Micro has neither a
 * broker nor a JMS resource adapter, so by default this is a plain Artemis client on
 * {@code autowebhook.jms.broker-url}; on Payara Server or WildFly a container-managed factory can be
 * named instead ({@code autowebhook.jms.connection-factory}, a JNDI name).
 *
 * <p>Plain client: one shared connection, replaced after it fails, and at most {@link #MAX_SESSIONS}
 * sessions (a session is single-threaded) with one anonymous producer each, reused across calls.
 * The send is asynchronous and the broker's confirmation is awaited for the caller's timeout only,
 * so a hung broker costs a delivery its own timeout; waiting for a free session counts towards it,
 * and opening a connection is bounded by the client's call timeout ({@link #SETUP_TIMEOUT_MILLIS}
 * unless the URL sets {@code callTimeout}). This bound is also why there is no MP Fault Tolerance
 * here: {@code @Timeout} takes no per-call value and interrupts the client mid-call, and a
 * synchronous {@code @Bulkhead} rejects instead of waiting, which would turn a busy moment into
 * failed attempts that are retried a minute later.
 *
 * <p>Managed factory: one connection and session per call (the container pools them), a
 * synchronous send, and the factory's own timeouts, as Jakarta EE forbids asynchronous sends and
 * exception listeners on container-managed connections.
 */
@ApplicationScoped
public class JmsPublisher {

  /** The most broker sends in progress at once, and so the most open sessions. */
  static final int MAX_SESSIONS = 16;

  /**
   * Bounds opening a connection or session (not a send, which has the caller's timeout) unless the
   * broker URL sets {@code callTimeout}; Artemis would wait 30 s for a broker that accepts the TCP
   * connection but does not answer.
   */
  static final long SETUP_TIMEOUT_MILLIS = 10_000;

  /**
   * Once a connection was lost, Artemis waits this long between the servers it knows before a
   * reconnect is refused (default 2 s, for every message while the broker is down).
   */
  static final long RETRY_INTERVAL_MILLIS = 100;

  /**
   * Artemis calls a completion listener at once, without the broker's confirmation, unless the
   * confirmation window is enabled; with it, the broker confirms each send once it is stored.
   */
  static final int CONFIRMATION_WINDOW_BYTES = 1024 * 1024;

  static final String NOT_CONFIGURED = "JMS is not configured: set AUTOWEBHOOK_JMS_BROKER_URL"
      + " (e.g. tcp://broker:61616, an Artemis broker) or AUTOWEBHOOK_JMS_CONNECTION_FACTORY"
      + " (the JNDI name of a connection factory of the application server)";

  private static final long CONFIRMATION_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final Logger LOG = Logger.getLogger(JmsPublisher.class.getName());

  @Inject
  @ConfigProperty(name = "autowebhook.jms.connection-factory", defaultValue = " ")
  String factoryName;

  @Inject
  @ConfigProperty(name = "autowebhook.jms.broker-url", defaultValue = " ")
  String brokerUrl;

  @Inject
  @ConfigProperty(name = "autowebhook.jms.user", defaultValue = " ")
  String user;

  @Inject
  @ConfigProperty(name = "autowebhook.jms.password", defaultValue = " ")
  String password;

  private final Semaphore sessions = new Semaphore(MAX_SESSIONS, true);
  private final ReentrantLock lock = new ReentrantLock();
  private ConnectionFactory factory; // guarded by lock, like the fields below
  private boolean managed;
  private ActiveMQConnectionFactory ownFactory;
  private Link link;
  private volatile boolean closed;

  /** For CDI: the connection factory comes from configuration at the first publish. */
  public JmsPublisher() {}

  /** Publishes through this plain-client factory (tests, or callers outside a container). */
  JmsPublisher(ConnectionFactory factory) {
    if (factory instanceof ActiveMQConnectionFactory a && a.getConfirmationWindowSize() <= 0) {
      throw new IllegalArgumentException("An Artemis connection factory needs a confirmation"
          + " window (confirmationWindowSize > 0), or sends would not wait for the broker");
    }
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * Sends {@code body} as a persistent text message and returns once the broker has it. Each
   * property becomes a string property, except {@code attempt}, an int; {@code event_id} is also
   * the correlation id, and {@code priority} ({@code high}/{@code medium}/{@code low}) sets the JMS
   * priority. Blocks for at most about {@code timeoutSeconds}.
   *
   * @throws JMSException when JMS is not configured, the broker cannot be reached or does not
   *     confirm in time, or refuses the message
   */
  public void publish(JmsDestination dest, String body, Map<String, String> properties,
      int timeoutSeconds) throws JMSException {
    Objects.requireNonNull(dest, "dest");
    long timeoutNanos = TimeUnit.SECONDS.toNanos(Math.max(1, timeoutSeconds));
    long deadline = System.nanoTime() + timeoutNanos;
    ConnectionFactory cf = factory(deadline);
    if (managed) {
      publishManaged(cf, dest, body, properties);
      return;
    }
    if (!await(() -> sessions.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS))) {
      throw new JMSException("No JMS session became free within " + timeoutSeconds + " s ("
          + MAX_SESSIONS + " sends in progress)");
    }
    Channel channel = null;
    try {
      channel = checkout(cf, deadline);
      send(channel, dest, body, properties, deadline, timeoutSeconds);
      checkin(channel);
    } catch (JMSException e) {
      discard(channel, e);
      throw e;
    } catch (RuntimeException e) {
      discard(channel, null);
      throw e;
    } finally {
      sessions.release();
    }
  }

  @PreDestroy
  void close() {
    closed = true;
    lock.lock();
    try {
      if (link != null) {
        link.close();
        link = null;
      }
      if (ownFactory != null) {
        ownFactory.close();
        ownFactory = null;
      }
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private ConnectionFactory factory(long deadline) throws JMSException {
    lock(deadline);
    try {
      if (factory != null) {
        return factory;
      }
      if (isSet(factoryName)) {
        String name = factoryName.trim();
        try {
          factory = InitialContext.doLookup(name);
        } catch (NamingException | ClassCastException e) {
          throw jmsException("No JMS connection factory at JNDI name '" + name
              + "' (AUTOWEBHOOK_JMS_CONNECTION_FACTORY): " + e.getMessage(), e);
        }
        managed = true;
        LOG.info(() -> "JMS publishing through the connection factory " + name);
      } else if (isSet(brokerUrl)) {
        String url = brokerUrl.trim();
        ActiveMQConnectionFactory artemis;
        try {
          artemis = new ActiveMQConnectionFactory(url);
        } catch (RuntimeException e) {
          throw jmsException("Invalid AUTOWEBHOOK_JMS_BROKER_URL " + masked(url) + ": "
              + e.getMessage(), e);
        }
        if (!url.contains("callTimeout=")) {
          artemis.setCallTimeout(SETUP_TIMEOUT_MILLIS);
        }
        if (!url.contains("retryInterval=")) {
          artemis.setRetryInterval(RETRY_INTERVAL_MILLIS);
        }
        if (artemis.getConfirmationWindowSize() <= 0) {
          artemis.setConfirmationWindowSize(CONFIRMATION_WINDOW_BYTES);
        }
        if (isSet(user)) {
          artemis.setUser(user.trim());
          artemis.setPassword(isSet(password) ? password : null);
        }
        ownFactory = artemis;
        factory = artemis;
        LOG.info(() -> "JMS publishing to the broker " + masked(url)
            + (isSet(user) ? " as " + user.trim() : ""));
      } else {
        throw new jakarta.jms.IllegalStateException(NOT_CONFIGURED, "JMS_NOT_CONFIGURED");
      }
      return factory;
    } finally {
      lock.unlock();
    }
  }

  private void publishManaged(ConnectionFactory cf, JmsDestination dest, String body,
      Map<String, String> properties) throws JMSException {
    try (Connection connection = cf.createConnection()) {
      Session session = connection.createSession();
      TextMessage message = message(session, body, properties);
      MessageProducer producer = session.createProducer(destination(session, dest));
      producer.send(message, DeliveryMode.PERSISTENT, message.getJMSPriority(),
          Message.DEFAULT_TIME_TO_LIVE);
    }
  }

  private Channel checkout(ConnectionFactory cf, long deadline) throws JMSException {
    Link current;
    lock(deadline);
    try {
      if (closed) {
        throw new jakarta.jms.IllegalStateException("The JMS publisher is closed");
      }
      if (link == null || link.broken) {
        if (link != null) {
          link.closeInBackground();
        }
        link = null; // stays null if the broker cannot be reached
        link = new Link(cf.createConnection());
      }
      current = link;
    } finally {
      lock.unlock();
    }
    Channel idle = current.idle.pollFirst();
    if (idle != null) {
      return idle;
    }
    try {
      Session session = current.connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageProducer producer = session.createProducer(null);
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      return new Channel(current, session, producer, new HashMap<>());
    } catch (JMSException e) {
      current.failed(e);
      throw e;
    }
  }

  private static void send(Channel channel, JmsDestination dest, String body,
      Map<String, String> properties, long deadline, int timeoutSeconds) throws JMSException {
    Destination destination = channel.destinations.get(dest);
    if (destination == null) {
      destination = destination(channel.session, dest);
      channel.destinations.put(dest, destination);
    }
    TextMessage message = message(channel.session, body, properties);
    CompletableFuture<Void> confirmed = new CompletableFuture<>();
    channel.producer.send(destination, message, DeliveryMode.PERSISTENT,
        message.getJMSPriority(), Message.DEFAULT_TIME_TO_LIVE, new CompletionListener() {
          @Override
          public void onCompletion(Message m) {
            confirmed.complete(null);
          }

          @Override
          public void onException(Message m, Exception e) {
            confirmed.completeExceptionally(e);
          }
        });
    try {
      while (true) {
        try {
          confirmed.get(Math.min(remaining(deadline), CONFIRMATION_POLL_NANOS),
              TimeUnit.NANOSECONDS);
          return;
        } catch (TimeoutException e) {
          if (channel.link.broken) { // pending confirmations may never be reported as failed
            throw jmsException("The JMS connection was lost before the broker confirmed the"
                + " message to " + dest, e);
          }
          if (remaining(deadline) == 0) {
            JMSException timeout = jmsException("The broker did not confirm the message to "
                + dest + " within " + timeoutSeconds + " s", e);
            channel.link.failed(timeout); // a broker that stopped answering: start over
            throw timeout;
          }
        }
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof JMSException j ? j
          : jmsException("Sending to " + dest + " failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw jmsException("Interrupted while sending to " + dest, e);
    }
  }

  private static Destination destination(Session session, JmsDestination dest)
      throws JMSException {
    return dest.topic() ? session.createTopic(dest.name()) : session.createQueue(dest.name());
  }

  static TextMessage message(Session session, String body, Map<String, String> properties)
      throws JMSException {
    TextMessage message = session.createTextMessage(body);
    message.setJMSPriority(Message.DEFAULT_PRIORITY);
    if (properties == null) {
      return message;
    }
    for (Map.Entry<String, String> p : properties.entrySet()) {
      if (p.getValue() == null) {
        continue;
      }
      if (p.getKey().equals("attempt")) {
        try {
          message.setIntProperty("attempt", Integer.parseInt(p.getValue().trim()));
        } catch (NumberFormatException e) {
          throw new MessageFormatException("attempt must be a number: " + p.getValue());
        }
      } else {
        message.setStringProperty(p.getKey(), p.getValue());
      }
    }
    String eventId = properties.get("event_id");
    if (eventId != null) {
      message.setJMSCorrelationID(eventId);
    }
    message.setJMSPriority(priority(properties.get("priority")));
    return message;
  }

  /** Brokers deliver higher JMS priorities first, as the HTTP channel does with a backlog. */
  static int priority(String priority) {
    if (priority == null) {
      return Message.DEFAULT_PRIORITY;
    }
    return switch (priority.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "high" -> 7;
      case "low" -> 1;
      default -> Message.DEFAULT_PRIORITY;
    };
  }

  private static void checkin(Channel channel) {
    if (channel.link.broken) {
      return; // closed with its connection
    }
    channel.link.idle.offerFirst(channel);
  }

  private static void discard(Channel channel, JMSException cause) {
    if (channel == null) {
      return;
    }
    if (cause != null && isConnectionProblem(cause)) {
      channel.link.failed(cause);
    }
    if (!channel.link.broken) {
      try {
        channel.session.close();
      } catch (JMSException e) {
        channel.link.failed(e);
      }
    }
  }

  /** Errors about the message or the destination leave the connection in use; any other replaces it. */
  static boolean isConnectionProblem(JMSException e) {
    return !(e instanceof InvalidDestinationException || e instanceof JMSSecurityException
        || e instanceof MessageFormatException);
  }

  private void lock(long deadline) throws JMSException {
    if (!await(() -> lock.tryLock(remaining(deadline), TimeUnit.NANOSECONDS))) {
      throw new JMSException("Timed out waiting for the JMS connection to be (re)opened");
    }
  }

  private interface Wait {
    boolean attempt() throws InterruptedException;
  }

  private static boolean await(Wait wait) throws JMSException {
    try {
      return wait.attempt();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw jmsException("Interrupted while waiting to publish", e);
    }
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  /** The URL as it may be logged: Artemis URLs can carry {@code password=…} parameters. */
  static String masked(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
  }

  private static JMSException jmsException(String message, Throwable cause) {
    JMSException e = new JMSException(message);
    e.initCause(cause);
    if (cause instanceof Exception ex) {
      e.setLinkedException(ex);
    }
    return e;
  }

  /** One session with its anonymous producer and the destinations it has resolved. */
  private record Channel(Link link, Session session, MessageProducer producer,
      Map<JmsDestination, Destination> destinations) {}

  /** The shared connection and its idle channels; broken once a failure was seen on it. */
  private static final class Link {
    final Connection connection;
    final Deque<Channel> idle = new ConcurrentLinkedDeque<>();
    volatile boolean broken;

    Link(Connection connection) throws JMSException {
      this.connection = connection;
      try {
        connection.setExceptionListener(this::failed);
      } catch (JMSException e) {
        closeInBackground();
        throw e;
      }
    }

    void failed(JMSException e) {
      if (!broken) {
        broken = true;
        LOG.warning(() -> "JMS connection failed, a new one is opened for the next message: "
            + e.getMessage());
      }
    }

    void close() {
      broken = true;
      try {
        connection.close();
      } catch (JMSException | RuntimeException e) {
        LOG.log(Level.FINE, "Closing a JMS connection failed", e);
      }
    }

    /** A failed broker may make close() wait for the client's call timeout: not on the caller. */
    void closeInBackground() {
      broken = true;
      Thread closer = new Thread(this::close, "autowebhook-jms-close");
      closer.setDaemon(true);
      closer.start();
    }
  }
}
