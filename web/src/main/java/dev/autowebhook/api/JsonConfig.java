package dev.autowebhook.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** JSON-B for the API: snake_case property names and explicit nulls, everywhere. */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
      .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
      .withNullValues(true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
