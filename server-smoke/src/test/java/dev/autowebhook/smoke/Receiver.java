package dev.autowebhook.smoke;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on loopback (JDK {@link HttpServer}, as web's ITs use): answers every POST
 * with 200 and records its body.
 */
final class Receiver implements AutoCloseable {

  /** One received request. */
  record Received(String path, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  Receiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("No receiver", e);
    }
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        received.add(new Received(exchange.getRequestURI().getPath(),
            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
      byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
      exchange.close();
    });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The first {@code count} requests on {@code path}, waiting up to {@code timeout}. */
  List<Received> await(String path, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Received> on = new ArrayList<>();
      for (Received r : received) {
        if (r.path().equals(path)) {
          on.add(r);
        }
      }
      if (on.size() >= count) {
        return on.subList(0, count);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Expected " + count + " webhook(s) on " + path + " within "
            + timeout + " but got " + on);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
