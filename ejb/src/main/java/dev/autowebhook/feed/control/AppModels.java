package dev.autowebhook.feed.control;

import dev.autowebhook.feed.entity.AppType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Which models each app type receives: {@code autowebhook.sync.models.<type>} (a comma list, or
 * {@code *} for every model) overrides the defaults — sales: orders, leads, partners, products,
 * invoices; delivery: pickings, moves, partners; warehouse: pickings, moves, products; manager:
 * everything; mobile: orders, partners, products.
 */
@ApplicationScoped
public class AppModels {

  static final Map<AppType, List<String>> DEFAULTS = Map.of(
      AppType.SALES, List.of("sale.order", "crm.lead", "res.partner", "product.template",
          "account.move"),
      AppType.DELIVERY, List.of("stock.picking", "stock.move", "res.partner"),
      AppType.WAREHOUSE, List.of("stock.picking", "stock.move", "product.template",
          "product.category"),
      AppType.MANAGER, List.of("*"),
      AppType.MOBILE, List.of("sale.order", "res.partner", "product.template"));

  @Inject Config config;

  private volatile Map<AppType, Set<String>> mapping;

  /** The models of an app type; an empty set means every model. */
  public Set<String> models(AppType type) {
    Map<AppType, Set<String>> m = mapping;
    if (m == null) {
      m = load(config == null ? Map.of() : overrides());
      mapping = m;
    }
    return m.get(type);
  }

  private Map<AppType, String> overrides() {
    Map<AppType, String> out = new EnumMap<>(AppType.class);
    for (AppType t : AppType.values()) {
      config.getOptionalValue("autowebhook.sync.models." + t.key(), String.class)
          .ifPresent(v -> out.put(t, v));
    }
    return out;
  }

  static Map<AppType, Set<String>> load(Map<AppType, String> overrides) {
    Map<AppType, Set<String>> out = new EnumMap<>(AppType.class);
    for (AppType t : AppType.values()) {
      List<String> list = overrides.containsKey(t)
          ? Arrays.stream(overrides.get(t).split(",")).map(String::trim)
              .filter(s -> !s.isEmpty()).toList()
          : DEFAULTS.get(t);
      out.put(t, list.contains("*") ? Set.of() : Set.copyOf(new LinkedHashSet<>(list)));
    }
    return out;
  }
}
