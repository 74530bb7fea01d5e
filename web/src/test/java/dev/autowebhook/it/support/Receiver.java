package dev.autowebhook.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP webhook receiver on loopback (JDK {@link HttpServer}) that records every request and
 * answers with programmed replies, so tests observe exactly what the application delivered over the
 * wire. Each request runs on its own pooled thread, so a reply delayed to simulate a hanging
 * subscriber never blocks other requests. Tests isolate themselves by using unique paths
 * ({@link #newPath()}).
 *
 * <p>Reply selection for a request path: the next queued reply from {@link #respond}, else the
 * path's {@link #setDefault(String, Reply) default} (fixed, or picked per request by a
 * {@link #setDefault(String, Function) function} of the request, e.g. random failures), else the
 * global default (200 with body {@code {}}). What was answered is recorded too ({@link #answers}):
 * a request the receiver never answered (a {@link Reply#hang hang}, a client that gave up, a
 * receiver stopped meanwhile) has no answer.
 *
 * <p>{@link #stopListening()} and {@link #listenAgain()} take the receiver off the network and
 * back on the same port (connection refused in between), for receiver-outage tests.
 */
public final class Receiver implements AutoCloseable {

    /** One recorded request; header names are lower-case and map to their first value. */
    public record Received(String method, String path, Map<String, String> headers, byte[] body,
                           long receivedAtMillis) {

        /** The header's first value (name case-insensitive), or {@code null}. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonObject json() {
            return Json.parse(bodyText());
        }

        @Override
        public String toString() {
            return method + " " + path + " at " + java.time.Instant.ofEpochMilli(receivedAtMillis)
                    + " body=" + Json.abbreviate(bodyText());
        }
    }

    /**
     * What the receiver answered to one request, recorded once the response was written: {@code status}
     * is the HTTP status sent, at {@code answeredAtMillis}.
     */
    public record Answer(Received request, int status, long answeredAtMillis) {

        public boolean is2xx() {
            return status >= 200 && status < 300;
        }

        /** The request's {@code webhook-id} header. */
        public String webhookId() {
            return request.header("webhook-id");
        }
    }

    /** An immutable programmed answer: status, headers, body and an optional delay before answering. */
    public static final class Reply {
        private final int status;
        private final Map<String, String> headers;
        private final String body;
        private final long delayMillis;
        private final boolean hang;

        private Reply(int status, Map<String, String> headers, String body, long delayMillis) {
            this(status, headers, body, delayMillis, false);
        }

        private Reply(int status, Map<String, String> headers, String body, long delayMillis, boolean hang) {
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.delayMillis = delayMillis;
            this.hang = hang;
        }

        /**
         * Never answers: holds the request for {@code millis}, then drops the connection without a
         * response (a hanging endpoint, when longer than the client's timeout).
         */
        public static Reply hang(long millis) {
            return new Reply(0, Map.of(), "", millis, true);
        }

        /** A reply with this status and an empty body. */
        public static Reply status(int status) {
            return new Reply(status, Map.of(), "", 0);
        }

        /** 200 with body {@code {}} (the global default). */
        public static Reply ok() {
            return status(200).body("{}");
        }

        public Reply header(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Reply(status, Collections.unmodifiableMap(copy), body, delayMillis);
        }

        /** The response body; sent as {@code application/json} unless a Content-Type header is set. */
        public Reply body(String body) {
            return new Reply(status, headers, body == null ? "" : body, delayMillis);
        }

        /** Waits this long before answering (the request is recorded on arrival). */
        public Reply delayMillis(long delayMillis) {
            return new Reply(status, headers, body, delayMillis);
        }

        @Override
        public String toString() {
            return hang ? "Reply[hang " + delayMillis + " ms, no answer]"
                    : "Reply[" + status + (delayMillis > 0 ? ", delay " + delayMillis + " ms" : "") + "]";
        }
    }

    private static final Duration REBIND_TIMEOUT = Duration.ofSeconds(15);

    private volatile HttpServer server; // null while stopped listening; changed under lock
    private final ExecutorService executor;
    private final int port;
    private final Object lock = new Object();
    private final List<Received> received = new ArrayList<>(); // guarded by lock
    private final List<Answer> answered = new ArrayList<>(); // guarded by lock
    private final Map<String, Queue<Reply>> queued = new ConcurrentHashMap<>();
    private final Map<String, Function<Received, Reply>> defaults = new ConcurrentHashMap<>();
    private volatile Reply globalDefault = Reply.ok();

    private Receiver(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.port = server.getAddress().getPort();
    }

    /** Starts a receiver on {@code 127.0.0.1} and a free port. */
    public static Receiver start() {
        // the JDK server delays each response ~40 ms without TCP_NODELAY; read once when the class loads
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start receiver", e);
        }
        AtomicInteger threads = new AtomicInteger();
        int port = server.getAddress().getPort();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "receiver-" + port + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService executor = Executors.newCachedThreadPool(factory);
        server.setExecutor(executor);
        Receiver receiver = new Receiver(server, executor);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + (path.startsWith("/") ? path : "/" + path);
    }

    /** A fresh unique path such as {@code /hooks/3f2c…}. */
    public static String newPath() {
        return "/hooks/" + UUID.randomUUID();
    }

    /** Queues replies for {@code path}, used one per request in order, before the path's default. */
    public Receiver respond(String path, Reply... replies) {
        Queue<Reply> queue = queued.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>());
        Collections.addAll(queue, replies);
        return this;
    }

    /** The reply for {@code path} once its queue is empty. */
    public Receiver setDefault(String path, Reply reply) {
        defaults.put(path, request -> reply);
        return this;
    }

    /** Once its queue is empty, each request on {@code path} gets the reply {@code replies} picks for it. */
    public Receiver setDefault(String path, Function<Received, Reply> replies) {
        defaults.put(path, replies);
        return this;
    }

    /** The reply for paths with neither queued replies nor a path default. */
    public Receiver setDefault(Reply reply) {
        globalDefault = reply;
        return this;
    }

    /** The requests received so far on {@code path} (exact path, query excluded), oldest first. */
    public List<Received> requests(String path) {
        synchronized (lock) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    /** Every request received so far, oldest first. */
    public List<Received> requests() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    /** The answers written so far to requests on {@code path}, in the order they were written. */
    public List<Answer> answers(String path) {
        synchronized (lock) {
            return answered.stream().filter(a -> a.request().path().equals(path)).toList();
        }
    }

    /**
     * Closes the listening socket and every open connection: from now on connections to the port are
     * refused. Replies still being delayed fail to be written (no {@link Answer}). Recorded requests
     * and programmed replies are kept. No-op while already stopped.
     */
    public void stopListening() {
        HttpServer s;
        synchronized (lock) {
            s = server;
            server = null;
        }
        if (s != null) {
            s.stop(0);
        }
    }

    /**
     * Listens again on the same port after {@link #stopListening()}, retrying the bind for up to 15 s
     * (another process may hold the port meanwhile; then this fails). No-op while listening.
     */
    public void listenAgain() {
        long deadline = System.nanoTime() + REBIND_TIMEOUT.toNanos();
        synchronized (lock) {
            if (server != null) {
                return;
            }
            while (true) {
                try {
                    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 200);
                    s.setExecutor(executor);
                    s.createContext("/", this::handle);
                    s.start();
                    server = s;
                    return;
                } catch (BindException e) {
                    if (System.nanoTime() > deadline) {
                        throw new UncheckedIOException("Cannot listen on port " + port + " again", e);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot listen on port " + port + " again", e);
                }
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while listening again on port " + port, e);
                }
            }
        }
    }

    public boolean isListening() {
        return server != null;
    }

    /**
     * Waits until at least {@code count} requests arrived on {@code path} and returns all of them
     * (possibly more than {@code count}); {@link AssertionError} listing what did arrive on timeout.
     */
    public List<Received> awaitRequests(String path, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<Received> matching = received.stream().filter(r -> r.path().equals(path)).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    throw new AssertionError(timeoutMessage(path, count, timeout, matching));
                }
                try {
                    lock.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted while waiting for requests to " + path, e);
                }
            }
        }
    }

    private String timeoutMessage(String path, int count, Duration timeout, List<Received> matching) {
        StringBuilder message = new StringBuilder()
                .append("Expected at least ").append(count).append(" request(s) to ").append(path)
                .append(" within ").append(timeout).append(" but got ").append(matching.size());
        for (Received r : matching) {
            message.append("\n  ").append(r);
        }
        Map<String, Integer> others = new LinkedHashMap<>();
        for (Received r : received) {
            if (!r.path().equals(path)) {
                others.merge(r.method() + " " + r.path(), 1, Integer::sum);
            }
        }
        message.append("\nOther requests received by ").append(url("/")).append(": ")
                .append(others.isEmpty() ? "none" : "");
        others.entrySet().stream().limit(50)
                .forEach(e -> message.append("\n  ").append(e.getKey()).append(" x").append(e.getValue()));
        if (others.size() > 50) {
            message.append("\n  … and ").append(others.size() - 50).append(" more paths");
        }
        return message.toString();
    }

    /** Forgets recorded requests and answers and programmed replies (the global default goes back to 200 {@code {}}). */
    public void clear() {
        synchronized (lock) {
            received.clear();
            answered.clear();
        }
        queued.clear();
        defaults.clear();
        globalDefault = Reply.ok();
    }

    /** Stops listening at once and interrupts replies still being delayed. */
    @Override
    public void close() {
        stopListening();
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    headers.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
                }
            });
            String path = exchange.getRequestURI().getPath();
            Received request = new Received(exchange.getRequestMethod(), path,
                    Collections.unmodifiableMap(headers), body, System.currentTimeMillis());
            synchronized (lock) {
                received.add(request);
                lock.notifyAll();
            }

            Reply reply = nextReply(request);
            if (reply.delayMillis > 0) {
                try {
                    Thread.sleep(reply.delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // receiver closing
                }
            }
            if (reply.hang) {
                return; // closing the exchange without a response drops the connection
            }
            byte[] responseBody = reply.body.getBytes(StandardCharsets.UTF_8);
            reply.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (responseBody.length > 0 && !exchange.getResponseHeaders().containsKey("Content-Type")) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            boolean noBody = responseBody.length == 0 || reply.status == 204 || reply.status == 304
                    || reply.status < 200 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(reply.status, noBody ? -1 : responseBody.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(responseBody);
                }
            }
            synchronized (lock) {
                answered.add(new Answer(request, reply.status, System.currentTimeMillis()));
            }
        } catch (IOException e) {
            // the client gave up (e.g. its timeout fired during a delayed reply): nothing to answer
        }
    }

    private Reply nextReply(Received request) {
        Queue<Reply> queue = queued.get(request.path());
        Reply next = queue == null ? null : queue.poll();
        if (next != null) {
            return next;
        }
        Function<Received, Reply> pathDefault = defaults.get(request.path());
        return pathDefault == null ? globalDefault : pathDefault.apply(request);
    }

    @Override
    public String toString() {
        return "Receiver[" + url("/") + "]";
    }
}
