package dev.autowebhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.it.support.ApiResponse;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Json;
import dev.autowebhook.it.support.Poll;
import dev.autowebhook.it.support.Receiver;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the server agree on request bodies. Every write operation whose
 * {@code requestBody} is absent or not required answers a call without a body exactly as a call
 * with {@code {}}, in the four ways clients send "nothing": no body without a content type
 * ({@code curl -X POST}), no body with {@code Content-Type: application/json}, an empty body of
 * type {@code application/x-www-form-urlencoded} ({@code curl -d ''}) and an empty JSON body;
 * never a 400 or 415 about the body, and a 4xx is a problem. Path values are real ids created
 * here (a fresh one per call where the call changes the state). Every operation whose body is
 * required answers an empty body with a 400 problem naming the missing body.
 */
class OptionalBodiesIT extends DeliveryTestBase {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final Set<String> WRITES = Set.of("post", "put", "patch");
  static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

  /** One way to send nothing. */
  enum Variant {
    NO_BODY(false, null),
    NO_BODY_JSON(false, "application/json"),
    EMPTY_FORM(true, "application/x-www-form-urlencoded"),
    EMPTY_JSON(true, "application/json");

    final boolean contentLength;
    final String contentType;

    Variant(boolean contentLength, String contentType) {
      this.contentLength = contentLength;
      this.contentType = contentType;
    }
  }

  /** A raw answer. */
  record Answer(int status, String contentType, String body) {
    @Override
    public String toString() {
      return status + " " + contentType + " "
          + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  @Test
  void everyOperationWithAnOptionalBodyTakesNoBodyAndAnEmptyOne() {
    JsonObject doc = server.anonymous().get("/openapi?format=JSON").expect(200).json();
    Map<String, Supplier<String>> ids = fixtures();
    List<String> failures = new ArrayList<>();
    Map<String, String> table = new TreeMap<>();
    forEachWrite(doc, (method, template, op) -> {
      JsonObject rb = op.getJsonObject("requestBody");
      if (rb != null && rb.getBoolean("required", false)) {
        return;
      }
      String id = op.getString("operationId");
      if (template.contains("{") && !ids.containsKey(id)) {
        failures.add(id + " (" + template + "): no fixture; add one to fixtures()");
        return;
      }
      List<String> row = new ArrayList<>();
      Answer reference = send(method, path(template, id, ids), "application/json",
          "{}".getBytes(StandardCharsets.UTF_8));
      row.add("{}: " + reference.status());
      if (reference.status() == 400 || reference.status() == 415 || reference.status() >= 500) {
        failures.add(id + " with {}: " + reference);
      }
      for (Variant v : Variant.values()) {
        Answer a = v.contentLength
            ? send(method, path(template, id, ids), v.contentType, new byte[0])
            : raw(method, path(template, id, ids), v.contentType);
        row.add(v + ": " + a.status());
        if (a.status() != reference.status()) {
          failures.add(id + " " + v + ": " + a + " (with {}: " + reference.status() + ")");
        } else if (a.status() >= 400 && !a.contentType().startsWith("application/problem+json")) {
          failures.add(id + " " + v + ": not a problem: " + a);
        }
      }
      table.put(method.toUpperCase(Locale.ROOT) + " " + template + " (" + id + ")",
          String.join(", ", row));
    });
    table.forEach((k, v) -> System.out.println("[optional-bodies] " + k + " -> " + v));
    assertThat(table).as("operations whose body is optional").isNotEmpty()
        .containsKey("POST /api/v1/admin/subscribers/{id}/rotate-secret (rotateSubscriberSecret)");
    assertThat(failures).isEmpty();
  }

  @Test
  void everyOperationWithARequiredBodyRefusesAnEmptyOneNamingTheBody() {
    JsonObject doc = server.anonymous().get("/openapi?format=JSON").expect(200).json();
    List<String> failures = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    forEachWrite(doc, (method, template, op) -> {
      JsonObject rb = op.getJsonObject("requestBody");
      if (rb == null || !rb.getBoolean("required", false)) {
        return;
      }
      // the body is checked before the resource runs: any id will do
      String path = PATH_PARAM.matcher(template).replaceAll("1");
      Answer a = send(method, path, "application/json", new byte[0]);
      checked.add(op.getString("operationId"));
      if (a.status() != 400 || !a.contentType().startsWith("application/problem+json")
          || !a.body().contains("\"field\":\"body\"")
          || !a.body().contains("a request body is required")) {
        failures.add(method + " " + path + ": " + a);
      }
    });
    System.out.println("[optional-bodies] required bodies checked: " + checked);
    assertThat(checked).contains("createSubscriber", "importConfig");
    assertThat(failures).isEmpty();
  }

  interface OperationVisitor {
    void visit(String method, String template, JsonObject op);
  }

  static void forEachWrite(JsonObject doc, OperationVisitor visitor) {
    new TreeMap<>(doc.getJsonObject("paths")).forEach((template, item) ->
        item.asJsonObject().forEach((method, op) -> {
          if (WRITES.contains(method)) {
            visitor.visit(method, template, op.asJsonObject());
          }
        }));
  }

  static String path(String template, String operationId, Map<String, Supplier<String>> ids) {
    Matcher m = PATH_PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(ids.get(operationId).get()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** For each operation with a path value: where its value for one call comes from. */
  Map<String, Supplier<String>> fixtures() {
    Map<String, Supplier<String>> ids = new LinkedHashMap<>();
    String path = Receiver.newPath();
    receiver.setDefault(path, Receiver.Reply.ok());
    long subscriber = fx.subscriber(receiver.url(path), null).getJsonNumber("id").longValue();
    ids.put("testSubscriber", () -> Long.toString(subscriber));
    ids.put("rotateSubscriberSecret", () -> Long.toString(subscriber));

    // deliveries that were sent: Retry Now changes one, so every call gets its own; moving a
    // sent one to the dead letters is a 409 about its state, every time
    fx.attach("res.partner", subscriber);
    for (int i = 0; i < 6; i++) {
      fx.partner(Fixtures.unique("OptionalBodyCo"));
    }
    Deque<String> sent = new ArrayDeque<>();
    Poll.until(WAIT, "6 sent deliveries", () -> fx.deliveries(subscriber),
        list -> list.size() == 6 && list.stream().allMatch(d -> d.getString("status")
            .equals("sent"))).forEach(d -> sent.add(d.getJsonNumber("id").toString()));
    String dead = sent.pop();
    ids.put("moveEventToDeadLetter", () -> dead);
    ids.put("retryEvent", () -> {
      assertThat(sent).as("a fresh sent delivery").isNotEmpty();
      return sent.pop();
    });

    // a job that cleans nothing young; a finished execution: restart and stop are 409s
    ids.put("startJob", () -> "audit-cleanup");
    String execution = api.post("/api/v1/admin/jobs/audit-cleanup/executions", "{}").expect(202)
        .json().getJsonNumber("id").toString();
    Poll.until(WAIT, "the audit cleanup finished", () -> api.get(
        "/api/v1/admin/job-executions/" + execution).expect(200).json(),
        e -> Set.of("completed", "failed", "stopped").contains(e.getString("status")
            .toLowerCase(Locale.ROOT)));
    ids.put("restartJobExecution", () -> execution);
    ids.put("stopJobExecution", () -> execution);

    // a device of the admin
    String device = api.post("/api/v1/webhooks/sync-state", Json.obj()
        .add("device_id", Fixtures.unique("optional-bodies")).add("app_type", "sales").build())
        .expect(200).json().getJsonNumber("id").toString();
    for (String op : List.of("resetSyncState", "deactivateDevice", "activateDevice")) {
      ids.put(op, () -> device);
    }
    return ids;
  }

  /** A request with a Content-Length (0 for an empty body), through the JDK client. */
  Answer send(String method, String path, String contentType, byte[] body) {
    ApiResponse r = api.sendBytes(method.toUpperCase(Locale.ROOT), path, contentType, body);
    String type = r.header("Content-Type");
    return new Answer(r.status(), type == null ? "" : type, r.body());
  }

  /** A request without any body or Content-Length, as {@code curl -X POST} sends it. */
  Answer raw(String method, String path, String contentType) {
    String auth = Base64.getEncoder().encodeToString((AppServer.ADMIN_USER + ":"
        + AppServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    StringBuilder request = new StringBuilder()
        .append(method.toUpperCase(Locale.ROOT)).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(server.port()).append("\r\n")
        .append("Authorization: Basic ").append(auth).append("\r\n")
        .append("Accept: */*\r\n")
        .append("Connection: close\r\n");
    if (contentType != null) {
      request.append("Content-Type: ").append(contentType).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String[] lines = head.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      String type = "";
      for (String line : lines) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          type = line.substring("content-type:".length()).trim();
        }
      }
      return new Answer(status, type, end < 0 ? "" : text.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    }
  }
}
