package dev.autowebhook.it.support;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal REST client for black-box tests: JDK {@link HttpClient} (HTTP/1.1) against one base URL,
 * optionally with preemptive HTTP Basic credentials. Every call returns an {@link ApiResponse}
 * whatever the status; transport failures become {@link UncheckedIOException} naming the request.
 * Instances are immutable; {@link #header(String, String)} returns a copy with an extra header.
 */
public final class Api {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * One client for the whole test JVM (documented singleton): each {@code HttpClient} owns a selector
     * thread and a connection pool, so creating one per {@code Api} would leak threads. It holds no
     * credentials — those are sent per request.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String baseUrl;
    private final String authorization;
    private final Map<String, String> extraHeaders;

    /** An anonymous client for {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}). */
    public Api(String baseUrl) {
        this(baseUrl, (String) null, (String) null);
    }

    /** A client sending HTTP Basic {@code user:password} with every request ({@code user == null}: anonymous). */
    public Api(String baseUrl, String user, String password) {
        this(stripTrailingSlash(baseUrl),
                user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8)),
                Map.of());
    }

    private Api(String baseUrl, String authorization, Map<String, String> extraHeaders) {
        Secrets.recordAuthorization(authorization); // for LogSecretsIT
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.extraHeaders = extraHeaders == null ? Map.of() : extraHeaders;
    }

    /** A copy of this client that also sends {@code name: value} with every request. */
    public Api header(String name, String value) {
        if (name.equalsIgnoreCase("Authorization")) {
            Secrets.recordAuthorization(value);
        }
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(name, value);
        return new Api(baseUrl, authorization, Map.copyOf(headers));
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** {@code path} resolved against the base URL (absolute {@code http(s)://} URLs are used as they are). */
    public String url(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, null);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, null);
    }

    public ApiResponse post(String path, String jsonBody) {
        return send("POST", path, "application/json", jsonBody);
    }

    public ApiResponse post(String path, JsonObject body) {
        return post(path, body.toString());
    }

    public ApiResponse put(String path, String jsonBody) {
        return send("PUT", path, "application/json", jsonBody);
    }

    public ApiResponse put(String path, JsonObject body) {
        return put(path, body.toString());
    }

    /**
     * Sends anything, including malformed input: {@code contentType} and {@code body} may be
     * {@code null} (no header / no body).
     */
    public ApiResponse send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, REQUEST_TIMEOUT);
    }

    /** As {@link #send(String, String, String, String)}, waiting at most {@code timeout} for the answer. */
    public ApiResponse send(String method, String path, String contentType, String body, Duration timeout) {
        Secrets.recordJson(body);
        return exchange(method, path, contentType, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), timeout);
    }

    /** Sends bytes as they are, e.g. text that is not valid UTF-8 ({@code contentType} may be null). */
    public ApiResponse sendBytes(String method, String path, String contentType, byte[] body) {
        return exchange(method, path, contentType, HttpRequest.BodyPublishers.ofByteArray(body),
                REQUEST_TIMEOUT);
    }

    private ApiResponse exchange(String method, String path, String contentType,
            HttpRequest.BodyPublisher body, Duration timeout) {
        String url = url(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        extraHeaders.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Secrets.recordJson(response.body());
            return new ApiResponse(method, url, response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + url, e);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "Api[" + baseUrl + (authorization == null ? ", anonymous" : ", with credentials") + "]";
    }
}
