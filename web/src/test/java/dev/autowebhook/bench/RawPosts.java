package dev.autowebhook.bench;

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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ceiling: plain JDK {@link HttpClient} POSTs of a real event body, with the same concurrency
 * the application's subscriber gets, to the same receiver. Runs in its own JVM, launched with the
 * application server's JVM options, so it competes for the same two cores the way the server
 * would. Prints {@code posts/s=<rate> errors=<n>} as its last line.
 *
 * <p>Usage: {@code RawPosts <url> <threads> <warmupSeconds> <seconds> <bodyFile>}
 */
public final class RawPosts {

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    int threads = Integer.parseInt(args[1]);
    long warmupMillis = Long.parseLong(args[2]) * 1000;
    long measureMillis = Long.parseLong(args[3]) * 1000;
    byte[] body = Files.readAllBytes(Path.of(args[4]));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w = new Thread(() -> {
        while (!done.get()) {
          String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
          HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json").header("webhook-id", id)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
          try {
            int status = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            if (measuring.get()) {
              (status / 100 == 2 ? ok : errors).incrementAndGet();
              if (status / 100 != 2) {
                firstError.compareAndSet(null, "HTTP " + status);
              }
            }
          } catch (Exception e) {
            if (measuring.get()) {
              errors.incrementAndGet();
              firstError.compareAndSet(null, e.toString());
            }
          }
        }
      }, "raw-post-" + t);
      w.start();
      workers.add(w);
    }
    Thread.sleep(warmupMillis);
    measuring.set(true);
    long t0 = System.nanoTime();
    Thread.sleep(measureMillis);
    measuring.set(false);
    double seconds = (System.nanoTime() - t0) / 1e9;
    done.set(true);
    for (Thread w : workers) {
      w.join();
    }
    System.out.printf(Locale.ROOT, "posts/s=%.1f errors=%d%n", ok.get() / seconds, errors.get());
    if (firstError.get() != null) {
      System.out.println("first error: " + firstError.get());
    }
  }
}
