package dev.autowebhook.it.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange with the application, kept as plain data so assertions can show exactly what
 * was sent (method, URL) and what came back (status, headers, body).
 *
 * @param method  the request method
 * @param path    the request URL (as given to {@link Api}, resolved against its base URL)
 * @param status  the response status code
 * @param headers the response headers (names as sent by the server)
 * @param body    the response body decoded as UTF-8 (empty string when there is none)
 */
public record ApiResponse(String method, String path, int status, Map<String, List<String>> headers, String body) {

    public ApiResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** The first value of the named header (case-insensitive), or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** The body as a JSON object ({@link AssertionError} with the exchange if it is not one). */
    public JsonObject json() {
        try {
            return Json.parse(body);
        } catch (AssertionError e) {
            throw new AssertionError(describe() + ": body is not a JSON object", e);
        }
    }

    /** The body as a JSON array ({@link AssertionError} with the exchange if it is not one). */
    public JsonArray jsonArray() {
        try {
            return Json.parseArray(body);
        } catch (AssertionError e) {
            throw new AssertionError(describe() + ": body is not a JSON array", e);
        }
    }

    /** Returns {@code this} if the status is {@code expected}, else throws an {@link AssertionError} describing the exchange. */
    public ApiResponse expect(int expected) {
        if (status != expected) {
            throw new AssertionError("Expected HTTP " + expected + " but got " + describe());
        }
        return this;
    }

    private String describe() {
        return method + " " + path + " -> HTTP " + status + " body=" + Json.abbreviate(body);
    }

    @Override
    public String toString() {
        return describe();
    }
}
