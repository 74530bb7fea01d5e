package dev.autowebhook.delivery.boundary;

import dev.autowebhook.platform.Time;
import dev.autowebhook.delivery.control.AttemptResult;
import dev.autowebhook.delivery.control.DeliveryChannel;
import dev.autowebhook.delivery.control.DeliveryLog;
import dev.autowebhook.delivery.control.JmsSender;
import dev.autowebhook.delivery.control.Lane;
import dev.autowebhook.delivery.control.Outgoing;
import dev.autowebhook.delivery.control.RetrySchedule;
import dev.autowebhook.delivery.control.Target;
import dev.autowebhook.delivery.control.TargetGuard;
import dev.autowebhook.delivery.control.WebhookSender;
import dev.autowebhook.delivery.entity.DeliveryStatus;
import dev.autowebhook.messaging.control.JmsPublisher;
import dev.autowebhook.outbox.boundary.DeliveriesQueued;
import dev.autowebhook.subscription.entity.SubscriberKind;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The delivery loop of this node: claim → send → record. It wakes right after a commit that
 * queued deliveries, when a retry falls due, and every few seconds as a safety net (which also
 * picks up the work of crashed nodes once their leases expire). Claimed deliveries wait in one lane
 * per subscriber, so a slow or failing endpoint only ever uses its own concurrency slots; HTTP calls
 * run outside any database transaction, and results are recorded in batches.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryDispatcher {

  private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());

  @Resource ManagedThreadFactory threadFactory;
  @Inject JmsPublisher jmsPublisher;
  @Inject DeliveryClaims claims;
  @Inject AttemptRecorder recorder;
  @Inject DeliveryMeters meters;

  @Inject
  @ConfigProperty(name = "autowebhook.dispatcher.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "autowebhook.retry.base-seconds", defaultValue = "60")
  double retryBaseSeconds;

  @Inject
  @ConfigProperty(name = "autowebhook.allowed-targets", defaultValue = " ")
  String allowedTargets;

  @Inject
  @ConfigProperty(name = "autowebhook.lease.margin-seconds", defaultValue = "30")
  int leaseMarginSeconds;

  @Inject
  @ConfigProperty(name = "autowebhook.dispatcher.claim-size", defaultValue = "200")
  int claimSize;

  @Inject
  @ConfigProperty(name = "autowebhook.dispatcher.max-in-flight", defaultValue = "512")
  int maxInFlight;

  @Inject
  @ConfigProperty(name = "autowebhook.node-id", defaultValue = " ")
  String configuredNodeId;

  private String node;
  private RetrySchedule schedule;
  private Map<SubscriberKind, DeliveryChannel> channels;
  private WebhookSender http;
  /** JMS sends block: they get threads of their own (as many as the publisher has sessions). */
  private static final int JMS_THREADS = 16;
  private ExecutorService jmsThreads;
  /**
   * The pump, the recorder and the timers run on threads of their own, made once by the
   * container's thread factory: a task submitted to the container's managed executor pays for
   * capturing the EE context (Payara scans the class path for context providers every time), a
   * cost per delivery at thousands a second.
   */
  private ExecutorService work;
  private ScheduledExecutorService timers;
  private final AtomicBoolean pumping = new AtomicBoolean();
  private volatile boolean again;
  private volatile boolean saturated;
  private volatile boolean stopped;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
  private final Lane.Hooks hooks = new Lane.Hooks() {
    @Override
    public CompletableFuture<AttemptResult> send(Outgoing request) {
      return channel(request.target()).send(request);
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
      timers.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void completed(Outgoing request, AttemptResult result, Throwable error) {
      DeliveryDispatcher.this.completed(request, result, error);
    }
  };
  private final ConcurrentLinkedQueue<AttemptResult> results = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean recording = new AtomicBoolean();
  /** When the pump last looked for work (System.nanoTime): the health checks' heartbeat. */
  private volatile long heartbeat;
  /** When the pump run in progress started, 0 while none runs. */
  private volatile long pumpSince;
  private volatile boolean started;

  /**
   * Whether this node's loop is turning: enabled and started, how long since the pump last looked
   * for work (every 5 s at least, by the safety net) and how long the current run has taken.
   */
  public record Pulse(String node, boolean enabled, boolean started, boolean stopped,
      long sinceHeartbeatMillis, long pumpRunningMillis, int inFlight, int lanes) {}

  @PostConstruct
  void init() {
    node = configuredNodeId.isBlank() ? defaultNodeId() : configuredNodeId.trim();
    schedule = new RetrySchedule(retryBaseSeconds, 0.2);
    jmsThreads = Executors.newFixedThreadPool(JMS_THREADS, threadFactory);
    work = Executors.newFixedThreadPool(4, threadFactory);
    timers = Executors.newSingleThreadScheduledExecutor(threadFactory);
    http = new WebhookSender(schedule, new TargetGuard(allowedTargets), maxInFlight);
    channels = Map.of(
        SubscriberKind.HTTP, http,
        SubscriberKind.JMS, new JmsSender(jmsPublisher, jmsThreads, schedule));
    LOG.info(() -> "Delivery dispatcher " + (enabled ? "started" : "DISABLED") + " on node "
        + node + " (retry base " + retryBaseSeconds + " s)");
    heartbeat = System.nanoTime();
    started = true;
    wake();
  }

  @PreDestroy
  void stop() {
    stopped = true;
    jmsThreads.shutdown();
    timers.shutdownNow();
    work.shutdown();
    http.close();
  }

  private static String defaultNodeId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "node";
    }
    String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
    return host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 4);
  }

  public String node() {
    return node;
  }

  public Pulse pulse() {
    long now = System.nanoTime();
    long since = pumpSince;
    return new Pulse(node, enabled, started, stopped, (now - heartbeat) / 1_000_000,
        since == 0 ? 0 : (now - since) / 1_000_000, inFlight.get(), lanes.size());
  }

  /** Starts dispatching right after a transaction that queued deliveries has committed. */
  public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued e) {
    wake(); // also when all wait for a batch: a batch may have reached its size
    if (e.waitingFor() != null) {
      later(e.waitingFor().plusMillis(5));
    }
  }

  /** Safety net: due retries and deliveries whose lease expired on a crashed node. */
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  public void safetyNet() {
    wake();
  }

  /** Asks the pump to look for due work; cheap and safe to call from anywhere, any time. */
  public void wake() {
    if (!enabled || stopped) {
      return;
    }
    again = true;
    if (pumping.compareAndSet(false, true)) {
      try {
        work.execute(this::pump);
      } catch (RuntimeException e) {
        pumping.set(false);
        LOG.log(Level.WARNING, "Cannot schedule the delivery pump", e);
      }
    }
  }

  private void pump() {
    pumpSince = System.nanoTime();
    try {
      while (again && !stopped) {
        again = false;
        while (!stopped) {
          heartbeat = System.nanoTime();
          int room = maxInFlight - inFlight.get();
          if (room <= 0) {
            saturated = true;
            break;
          }
          int want = Math.min(room, claimSize);
          Set<Long> full = fullLanes();
          DeliveryClaims.Claim claim = claims.claim(node, want, full, leaseMarginSeconds);
          if (claim.held() || !full.isEmpty()) {
            saturated = true; // look again when a lane makes room
          }
          inFlight.addAndGet(claim.deliveries().size());
          Map<Long, List<Outgoing>> bySubscriber = new LinkedHashMap<>();
          for (Outgoing o : claim.deliveries()) {
            bySubscriber.computeIfAbsent(o.subscriberId(), k -> new ArrayList<>()).add(o);
          }
          bySubscriber.forEach((id, list) ->
              lanes.computeIfAbsent(id, k -> new Lane(hooks, System::nanoTime)).offerAll(list));
          if (!claim.more()) {
            break;
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Delivery pump failed, retrying in 2 s: " + e.getMessage(), e);
      later(Duration.ofSeconds(2));
    } finally {
      heartbeat = System.nanoTime();
      pumpSince = 0;
      pumping.set(false);
      if (again) {
        wake();
      }
    }
  }

  private Set<Long> fullLanes() {
    Set<Long> full = ConcurrentHashMap.newKeySet();
    lanes.forEach((id, lane) -> {
      if (lane.isFull()) {
        full.add(id);
      }
    });
    return full;
  }

  private void later(Duration delay) {
    if (!stopped) {
      timers.schedule(this::wake, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    }
  }

  /** Sends one request now, outside the lanes and the database (Test Connection). */
  public CompletableFuture<AttemptResult> probe(Outgoing request) {
    return channel(request.target()).send(request);
  }

  private DeliveryChannel channel(Target target) {
    DeliveryChannel c = channels.get(target.kind());
    if (c == null) {
      throw new IllegalStateException("no delivery channel for kind " + target.kind());
    }
    return c;
  }

  private void completed(Outgoing request, AttemptResult result, Throwable error) {
    inFlight.addAndGet(-request.deliveries().size());
    if (result == null) {
      // the leases run out and the deliveries are attempted again: never lost
      LOG.log(Level.SEVERE, DeliveryLog.unexpected(request, error), error);
    } else {
      Level level = result.succeeded() ? Level.FINE
          : result.outcome() == DeliveryStatus.DEAD ? Level.WARNING : Level.INFO;
      LOG.log(level, () -> DeliveryLog.outcome(request, result));
      results.addAll(result.perDelivery(schedule));
      record();
    }
    // claim again only once there is room for a good share: a claim per completion would cost a
    // locking query per delivery while a busy lane stays nearly full
    Lane lane = lanes.get(request.subscriberId());
    if (saturated && (lane == null || lane.isHalfEmpty() || inFlight.get() <= maxInFlight / 2)) {
      saturated = false;
      wake();
    }
  }

  private void record() {
    if (!recording.compareAndSet(false, true)) {
      return;
    }
    work.execute(() -> {
      try {
        List<AttemptResult> batch = new ArrayList<>();
        while (!results.isEmpty()) {
          batch.clear();
          AttemptResult r;
          while (batch.size() < 500 && (r = results.poll()) != null) {
            batch.add(r);
          }
          writeWithRetry(batch);
        }
      } finally {
        recording.set(false);
        if (!results.isEmpty()) {
          record();
        }
      }
    });
  }

  private void writeWithRetry(List<AttemptResult> batch) {
    int released;
    for (int attempt = 1; ; attempt++) {
      try {
        released = recorder.record(node, batch);
        break;
      } catch (RuntimeException e) {
        if (attempt >= 10 || stopped) {
          // the leases expire and the deliveries are attempted again: at-least-once, not lost
          LOG.log(Level.SEVERE, "Could not record " + batch.size()
              + " attempt results; they will be re-attempted after their leases expire", e);
          for (AttemptResult r : batch) {
            LOG.warning(DeliveryLog.unrecorded(r, e.getMessage()));
          }
          return;
        }
        try {
          Thread.sleep(200L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    meters.count(batch); // recorded (committed): counted once, however often the write was tried
    if (released > 0) {
      wake(); // an endpoint came back: its backlog is due now
    }
    OffsetDateTime earliest = null;
    for (AttemptResult r : batch) {
      if (r.outcome() == DeliveryStatus.FAILED && r.nextAttemptAt() != null
          && (earliest == null || r.nextAttemptAt().isBefore(earliest))) {
        earliest = r.nextAttemptAt();
      }
    }
    if (earliest != null) {
      later(Duration.between(Time.now(), earliest).plusMillis(5));
    }
  }
}
