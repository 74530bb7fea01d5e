package dev.autowebhook.admin.delivery;

import dev.autowebhook.delivery.boundary.Deliveries;
import dev.autowebhook.delivery.entity.Delivery;
import dev.autowebhook.subscription.boundary.Subscribers;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * One page of deliveries at a time from the same boundary queries as the REST list: the table never
 * holds more than a page, so it stays fast however many deliveries there are. The subscriber names
 * of a page are looked up in one query.
 */
public class DeliveryRows extends LazyDataModel<Delivery> {

  /** The filter as the toolbar currently says. */
  public interface FilterSource extends Supplier<Deliveries.Filter>, Serializable {}

  private final Deliveries deliveries;
  private final Subscribers subscribers;
  private final FilterSource filter;
  private List<Delivery> rows = List.of();
  private Map<Long, String> names = Map.of();

  public DeliveryRows(Deliveries deliveries, Subscribers subscribers, FilterSource filter) {
    this.deliveries = deliveries;
    this.subscribers = subscribers;
    this.filter = filter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, deliveries.count(filter.get()));
  }

  @Override
  public List<Delivery> load(int first, int pageSize, Map<String, SortMeta> sortBy,
      Map<String, FilterMeta> filterBy) {
    rows = deliveries.items(filter.get(), first, pageSize);
    Map<Long, String> found = new HashMap<>();
    subscribers.byIds(rows.stream().map(Delivery::getSubscriberId).distinct().toList())
        .forEach((id, s) -> found.put(id, s.getName()));
    names = found;
    return rows;
  }

  /** The name of a subscriber on the current page. */
  public String subscriberName(Long id) {
    return names.getOrDefault(id, "#" + id);
  }

  /** The deliveries on the current page. */
  public List<Delivery> rows() {
    return rows;
  }

  @Override
  public String getRowKey(Delivery d) {
    return String.valueOf(d.getId());
  }

  @Override
  public Delivery getRowData(String rowKey) {
    return rows.stream().filter(d -> String.valueOf(d.getId()).equals(rowKey)).findFirst()
        .orElse(null);
  }
}
