package dev.autowebhook.subscription.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.capture.entity.ChangeKind;
import dev.autowebhook.subscription.entity.Priority;
import dev.autowebhook.subscription.entity.Subscriber;
import dev.autowebhook.subscription.entity.WebhookConfig;
import java.lang.reflect.Field;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTest {

  private static final Set<ChangeKind> ALL = EnumSet.allOf(ChangeKind.class);

  private static Route route(Set<String> include, Set<String> exclude) {
    return new Route("sale.order", true, ALL, Priority.HIGH, "sales", include, exclude,
        List.of(1L), false, 0, null, FilterRule.ALWAYS, new Route.Drops());
  }

  private static Map<String, Object> snapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", 5L);
    m.put("name", "SO1");
    m.put("state", "draft");
    m.put("note", "secret");
    m.put("amount_total", 10);
    return m;
  }

  @Test
  void withoutListsEveryFieldIsTrackedAndTheSnapshotIsUnchanged() {
    Route cut = route(Set.of(), Set.of());
    Map<String, Object> s = snapshot();

    assertThat(cut.tracks("anything")).isTrue();
    assertThat(cut.filter(s)).isSameAs(s);
    assertThat(cut.filter(null)).isNull();
  }

  @Test
  void includeKeepsOnlyListedFieldsPlusId() {
    Route cut = route(Set.of("name", "state"), Set.of());

    assertThat(cut.tracks("name")).isTrue();
    assertThat(cut.tracks("note")).isFalse();
    assertThat(cut.tracks("id")).isTrue();
    assertThat(cut.filter(snapshot())).containsExactly(
        Map.entry("id", 5L), Map.entry("name", "SO1"), Map.entry("state", "draft"));
  }

  @Test
  void excludeDropsListedFieldsButNeverId() {
    Route cut = route(Set.of(), Set.of("note", "id"));

    assertThat(cut.tracks("note")).isFalse();
    assertThat(cut.tracks("id")).isTrue();
    assertThat(cut.filter(snapshot())).containsOnlyKeys("id", "name", "state", "amount_total");
  }

  @Test
  void includeAndExcludeTogether() {
    Route cut = route(Set.of("name", "note"), Set.of("note"));

    assertThat(cut.filter(snapshot())).containsOnlyKeys("id", "name");
  }

  @Test
  void filterKeepsFieldOrderAndNullValues() {
    Route cut = route(Set.of("state", "name"), Set.of());
    Map<String, Object> s = snapshot();
    s.put("name", null);

    assertThat(cut.filter(s).keySet()).containsExactly("id", "name", "state");
    assertThat(cut.filter(s)).containsEntry("name", null);
    assertThat(cut.filter(null)).isNull();
  }

  @Test
  void deliversOnlyWhenEnabledKindWantedAndSubscribed() {
    Route on = new Route("m", true, EnumSet.of(ChangeKind.CREATE, ChangeKind.UPDATE),
        Priority.MEDIUM, null, Set.of(), Set.of(), List.of(1L, 2L), false, 0, null,
        FilterRule.ALWAYS, new Route.Drops());
    assertThat(on.delivers(ChangeKind.CREATE)).isTrue();
    assertThat(on.delivers(ChangeKind.UPDATE)).isTrue();
    assertThat(on.delivers(ChangeKind.DELETE)).isFalse();

    Route disabled = new Route("m", false, ALL, Priority.MEDIUM, null, Set.of(), Set.of(),
        List.of(1L), false, 0, null, FilterRule.ALWAYS, new Route.Drops());
    assertThat(disabled.delivers(ChangeKind.CREATE)).isFalse();

    Route nobody = new Route("m", true, ALL, Priority.MEDIUM, null, Set.of(), Set.of(),
        List.of(), false, 0, null, FilterRule.ALWAYS, new Route.Drops());
    assertThat(nobody.delivers(ChangeKind.CREATE)).isFalse();

    Route noKinds = new Route("m", true, Set.of(), Priority.MEDIUM, null, Set.of(), Set.of(),
        List.of(1L), false, 0, null, FilterRule.ALWAYS, new Route.Drops());
    assertThat(noKinds.delivers(ChangeKind.CREATE)).isFalse();
  }

  @Test
  void passesCountsWhatTheRuleDropsByReason() {
    Route.Drops drops = new Route.Drops();
    Route cut = new Route("m", true, ALL, Priority.MEDIUM, null, Set.of(), Set.of(), List.of(1L),
        false, 0, null, FilterRule.compile("amount_total > 1000"), drops);
    Map<String, Object> big = FilterRule.variables("create", "m", 1L, Map.of("amount_total", 2000),
        null, "medium", null);
    Map<String, Object> small = FilterRule.variables("create", "m", 2L,
        Map.of("amount_total", 5), null, "medium", null);

    assertThat(cut.passes(big)).isTrue();
    assertThat(cut.passes(small)).isFalse();
    assertThat(cut.passes(small)).isFalse();
    assertThat(drops.noMatch()).isEqualTo(2);
    assertThat(drops.errors()).isZero();

    Route broken = new Route("m", true, ALL, Priority.MEDIUM, null, Set.of(), Set.of(),
        List.of(1L), false, 0, null, FilterRule.compile("amount_total >>> 5"), drops);
    assertThat(broken.passes(big)).isFalse();
    assertThat(drops.errors()).isEqualTo(1);
    assertThat(drops.noMatch()).isEqualTo(2);
    assertThat(Route.untracked("m").passes(small)).isTrue();
  }

  @Test
  void untrackedModelTracksEverythingAndDeliversNothing() {
    Route cut = Route.untracked("res.partner");

    assertThat(cut.model()).isEqualTo("res.partner");
    assertThat(cut.priority()).isEqualTo(Priority.MEDIUM);
    assertThat(cut.category()).isNull();
    assertThat(cut.tracks("email")).isTrue();
    for (ChangeKind k : ChangeKind.values()) {
      assertThat(cut.delivers(k)).isFalse();
    }
  }

  @Test
  void ofConfigReadsListsKindsAndSubscribers() throws Exception {
    WebhookConfig c = new WebhookConfig();
    c.setModel("sale.order");
    c.setEnabled(true);
    c.setEvents("create, delete");
    c.setPriority(Priority.LOW);
    c.setCategory("sales");
    c.setIncludeFields(" name, state ,,");
    c.setExcludeFields("state");
    c.setSubscribers(List.of(subscriber(11L), subscriber(12L)));

    Route cut = Route.of(c, new Route.Drops());

    assertThat(cut.model()).isEqualTo("sale.order");
    assertThat(cut.kinds()).containsExactlyInAnyOrder(ChangeKind.CREATE, ChangeKind.DELETE);
    assertThat(cut.include()).containsExactlyInAnyOrder("name", "state");
    assertThat(cut.exclude()).containsExactly("state");
    assertThat(cut.subscriberIds()).containsExactly(11L, 12L);
    assertThat(cut.priority()).isEqualTo(Priority.LOW);
    assertThat(cut.category()).isEqualTo("sales");
    assertThat(cut.tracks("name")).isTrue();
    assertThat(cut.tracks("state")).isFalse();
    assertThat(cut.delivers(ChangeKind.UPDATE)).isFalse();
    assertThat(cut.delivers(ChangeKind.DELETE)).isTrue();
  }

  private static Subscriber subscriber(long id) throws Exception {
    Subscriber s = new Subscriber();
    Field f = Subscriber.class.getDeclaredField("id");
    f.setAccessible(true);
    f.set(s, id);
    return s;
  }
}
