package dev.autowebhook.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's webhook receiver: a JDK {@link HttpServer} on loopback with TCP_NODELAY (without
 * it every response stalls ~40 ms), answering {@code 200 {}} at once and keeping per path only
 * what the figures need: arrival time, {@code webhook-id} and the body. The ceiling measurement
 * posts to the same receiver, so both sides of the ratio pay the same receiving cost.
 */
final class BenchReceiver implements AutoCloseable {

  /** One received request. */
  record Hit(long atMillis, String webhookId, byte[] body) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The event ids this request carries: its own, or each member's of a batch. */
    List<String> eventIds() {
      if (webhookId != null && webhookId.startsWith("evt_")) {
        return List.of(webhookId);
      }
      List<String> ids = new ArrayList<>();
      Matcher m = EVENT_ID.matcher(text());
      while (m.find()) {
        ids.add(m.group(1));
      }
      return ids;
    }
  }

  private static final Pattern EVENT_ID = Pattern.compile("\"id\":\"(evt_[0-9a-f]{32})\"");
  private static final byte[] OK = "{}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService pool;
  private final Map<String, ConcurrentLinkedQueue<Hit>> hits = new ConcurrentHashMap<>();

  private BenchReceiver(HttpServer server, ExecutorService pool) {
    this.server = server;
    this.pool = pool;
  }

  static BenchReceiver start() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      HttpServer server = HttpServer.create(
          new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1024);
      ExecutorService pool = Executors.newFixedThreadPool(32, r -> {
        Thread t = new Thread(r, "bench-receiver");
        t.setDaemon(true);
        return t;
      });
      server.setExecutor(pool);
      BenchReceiver receiver = new BenchReceiver(server, pool);
      server.createContext("/", receiver::handle);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the benchmark receiver", e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      long at = System.currentTimeMillis();
      hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new ConcurrentLinkedQueue<>())
          .add(new Hit(at, exchange.getRequestHeaders().getFirst("webhook-id"), body));
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, OK.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(OK);
      }
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Hit> hits(String path) {
    ConcurrentLinkedQueue<Hit> q = hits.get(path);
    return q == null ? List.of() : List.copyOf(q);
  }

  int requestCount(String path) {
    ConcurrentLinkedQueue<Hit> q = hits.get(path);
    return q == null ? 0 : q.size();
  }

  void clear(String path) {
    hits.remove(path);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
