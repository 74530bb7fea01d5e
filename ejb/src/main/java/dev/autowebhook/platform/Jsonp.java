package dev.autowebhook.platform;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON-P provider for the whole application. {@code jakarta.json.Json.createXxx} looks the
 * provider up again on every call (a class-path scan in an app server: it was the hottest spot
 * of a delivery benchmark), so code builds JSON through {@link #PROVIDER} instead.
 */
public final class Jsonp {

  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}
}
