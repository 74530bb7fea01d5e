package dev.autowebhook.it.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every read the application offers, so that a test can make them all without listing them: each
 * GET operation of the server's own OpenAPI document, and each admin page found in the webapp
 * sources ({@code src/main/webapp/admin/*.xhtml}). A new operation or page is therefore read by
 * every test using this class; one that needs an id this test did not give fails it, naming what
 * is missing. Ids are given per path template ({@code /api/v1/admin/events/{id}}) and per page with
 * an {@code id} view parameter ({@code event.xhtml}), several each if wanted.
 */
public final class ReadAll {

  private static final Path ADMIN_PAGES = Path.of("src", "main", "webapp", "admin");
  private static final Pattern ID_PARAMETER = Pattern.compile("<f:viewParam\\s+name=\"id\"");
  private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]+}");
  /** What a container error page or a Faces error shows instead of the page. */
  private static final List<String> ERROR_TEXTS = List.of("HTTP Status", "Internal Server Error",
      "Exception report", "An Error Occurred");

  private final Map<String, List<String>> ids = new LinkedHashMap<>();
  private final Map<String, String> queries = new LinkedHashMap<>();
  private final Map<String, List<String>> pageIds = new LinkedHashMap<>();

  /** Fills the path parameters of {@code pathTemplate} (as in the OpenAPI document) with each id. */
  public ReadAll id(String pathTemplate, Object... values) {
    List<String> list = ids.computeIfAbsent(pathTemplate, k -> new ArrayList<>());
    for (Object v : values) {
      list.add(String.valueOf(v));
    }
    return this;
  }

  /** Reads {@code path} (a path without parameters) with this query string ({@code ?a=b}). */
  public ReadAll query(String path, String query) {
    queries.put(path, query);
    return this;
  }

  /** Opens {@code page} (e.g. {@code event.xhtml}) once with each id. */
  public ReadAll pageId(String page, Object... values) {
    List<String> list = pageIds.computeIfAbsent(page, k -> new ArrayList<>());
    for (Object v : values) {
      list.add(String.valueOf(v));
    }
    return this;
  }

  /**
   * The URL of every GET operation of {@code /openapi} whose path {@code include} accepts: a
   * path without parameters with its {@link #query}, a path with parameters once per {@link #id}.
   * Fails naming every path with parameters that has no id.
   */
  public List<String> apiUrls(AppServer server, Predicate<String> include) {
    JsonObject paths = server.anonymous().get("/openapi?format=JSON").expect(200).json()
        .getJsonObject("paths");
    List<String> urls = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, JsonValue> p : paths.entrySet()) {
      String path = p.getKey();
      if (!p.getValue().asJsonObject().containsKey("get") || !include.test(path)) {
        continue;
      }
      if (!path.contains("{")) {
        urls.add(path + queries.getOrDefault(path, ""));
      } else if (ids.containsKey(path)) {
        for (String id : ids.get(path)) {
          urls.add(TEMPLATE.matcher(path).replaceAll(id));
        }
      } else {
        unknown.add(path);
      }
    }
    if (!unknown.isEmpty()) {
      throw new AssertionError("GET operations the test has no id for (add one): " + unknown);
    }
    return urls;
  }

  /**
   * Every admin page ({@code /admin/x.xhtml}), in name order: a page with an {@code id} view
   * parameter once per {@link #pageId} (fails naming the pages without one), the others as they are.
   */
  public List<String> adminPages() {
    List<String> views = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    try (Stream<Path> files = Files.list(ADMIN_PAGES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).sorted().toList()) {
        String page = file.getFileName().toString();
        if (!ID_PARAMETER.matcher(Files.readString(file)).find()) {
          views.add("/admin/" + page);
        } else if (pageIds.containsKey(page)) {
          pageIds.get(page).forEach(id -> views.add("/admin/" + page + "?id=" + id));
        } else {
          unknown.add(page);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the admin pages in "
          + ADMIN_PAGES.toAbsolutePath(), e);
    }
    if (views.size() < 10) {
      throw new AssertionError("Only " + views + " found in " + ADMIN_PAGES.toAbsolutePath());
    }
    if (!unknown.isEmpty()) {
      throw new AssertionError("Admin pages the test has no id for (add one): " + unknown);
    }
    return views;
  }

  /** Opens a view in the browser and waits until it is loaded and its ajax calls are done. */
  public static Page open(Browser b, String view) {
    b.go(view);
    b.waiter().until(d -> "complete".equals(((JavascriptExecutor) d)
        .executeScript("return document.readyState")));
    b.waitAjax();
    Object status = b.script("const n = performance.getEntriesByType('navigation');"
        + " return n.length ? n[0].responseStatus : 0;");
    List<String> headings = b.findAll(By.cssSelector("h1.aw-title")).stream()
        .filter(h -> h.isDisplayed()).map(h -> h.getText().strip()).toList();
    return new Page(view, ((Number) status).intValue(), headings.isEmpty() ? "" : headings.get(0),
        b.pageText(), b.driver().getPageSource());
  }

  /**
   * An admin page as the browser showed it.
   *
   * @param status  the HTTP status of the page's document (Navigation Timing)
   * @param heading the visible page heading ({@code h1.aw-title}), "" without one
   * @param text    the visible text
   * @param source  the HTML
   */
  public record Page(String view, int status, String heading, String text, String source) {

    /** What is wrong with the page (an error status, an error text, no heading), or null. */
    public String problem() {
      if (status != 200) {
        return "HTTP " + status + ": " + Json.abbreviate(text);
      }
      for (String error : ERROR_TEXTS) {
        if (text.contains(error)) {
          return "shows '" + error + "': " + Json.abbreviate(text);
        }
      }
      if (heading.isEmpty()) {
        return "no page heading: " + Json.abbreviate(text);
      }
      return null;
    }
  }
}
