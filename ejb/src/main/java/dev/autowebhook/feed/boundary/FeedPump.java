package dev.autowebhook.feed.boundary;

import dev.autowebhook.outbox.boundary.EventsAppended;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the {@link FeedSequencer} right after every commit that appended events, coalescing
 * bursts into one run, and every few seconds as a safety net (events of a crashed node, or a
 * failed run). The runs happen on a thread of its own: a task handed to the managed executor
 * service costs a scan of the class path (context capture), once per business commit.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FeedPump {

  static final int CHUNK = 5000;
  private static final Logger LOG = Logger.getLogger(FeedPump.class.getName());

  @Resource ManagedThreadFactory threadFactory;
  @Inject FeedSequencer sequencer;

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean again;
  private ExecutorService executor;

  @PostConstruct
  void init() {
    executor = Executors.newSingleThreadExecutor(threadFactory);
  }

  @PreDestroy
  void stop() {
    executor.shutdown();
  }

  public void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsAppended e) {
    wake();
  }

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  public void safetyNet() {
    wake();
  }

  public void wake() {
    again = true;
    if (running.compareAndSet(false, true)) {
      try {
        executor.execute(this::run);
      } catch (RuntimeException e) {
        running.set(false);
        LOG.log(Level.WARNING, "Cannot schedule the feed sequencer", e);
      }
    }
  }

  /** Numbers everything committed so far. */
  private void catchUp() {
    while (sequencer.sequence(CHUNK) == CHUNK) {
      // a big backlog: keep going
    }
  }

  private void run() {
    try {
      while (again) {
        again = false;
        catchUp();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Feed sequencer failed; the safety net retries: " + e.getMessage(),
          e);
    } finally {
      running.set(false);
      if (again) {
        wake();
      }
    }
  }
}
