package dev.autowebhook.capture.control;

import static dev.autowebhook.capture.entity.ChangeKind.CREATE;
import static dev.autowebhook.capture.entity.ChangeKind.DELETE;
import static dev.autowebhook.capture.entity.ChangeKind.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autowebhook.capture.entity.ChangeKind;
import dev.autowebhook.capture.entity.EntityChanged;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingChangesTest {

  private final PendingChanges cut = new PendingChanges();

  private static Map<String, Object> state(String name) {
    return Map.of("id", 1L, "name", name);
  }

  private static EntityChanged change(String model, String id, ChangeKind kind,
      Map<String, Object> before, Map<String, Object> after) {
    return new EntityChanged(model, id, kind, before, after);
  }

  private static EntityChanged created(String id, String name) {
    return change("sale.order", id, CREATE, null, state(name));
  }

  private static EntityChanged updated(String id, String from, String to) {
    return change("sale.order", id, UPDATE, state(from), state(to));
  }

  private static EntityChanged deleted(String id, String name) {
    return change("sale.order", id, DELETE, state(name), null);
  }

  @Test
  void startsEmpty() {
    assertThat(cut.isEmpty()).isTrue();
    assertThat(cut.drain()).isEmpty();
  }

  @Test
  void singleChangeIsKeptAsIs() {
    EntityChanged c = updated("1", "a", "b");
    cut.add(c);

    assertThat(cut.isEmpty()).isFalse();
    assertThat(cut.drain()).containsExactly(c);
  }

  @Test
  void createThenUpdateIsACreateOfTheFinalState() {
    cut.add(created("1", "a"));
    cut.add(updated("1", "a", "b"));
    cut.add(updated("1", "b", "c"));

    assertThat(cut.drain()).containsExactly(
        change("sale.order", "1", CREATE, null, state("c")));
  }

  @Test
  void updatesCollapseFromFirstBeforeToLastAfter() {
    cut.add(updated("1", "a", "b"));
    cut.add(updated("1", "b", "c"));
    cut.add(updated("1", "c", "d"));

    assertThat(cut.drain()).containsExactly(
        change("sale.order", "1", UPDATE, state("a"), state("d")));
  }

  @Test
  void createThenDeleteLeavesNothing() {
    cut.add(created("1", "a"));
    cut.add(updated("1", "a", "b"));
    cut.add(deleted("1", "b"));

    assertThat(cut.isEmpty()).isTrue();
    assertThat(cut.drain()).isEmpty();
  }

  @Test
  void updateThenDeleteIsADeleteOfTheFirstBefore() {
    cut.add(updated("1", "a", "b"));
    cut.add(deleted("1", "b"));

    assertThat(cut.drain()).containsExactly(
        change("sale.order", "1", DELETE, state("a"), null));
  }

  @Test
  void deleteThenCreateWithTheSameIdIsAnUpdate() {
    cut.add(deleted("1", "a"));
    cut.add(created("1", "z"));

    assertThat(cut.drain()).containsExactly(
        change("sale.order", "1", UPDATE, state("a"), state("z")));
  }

  @Test
  void createDeleteCreateIsACreateOfTheLastState() {
    cut.add(created("1", "a"));
    cut.add(deleted("1", "a"));
    cut.add(created("1", "b"));

    assertThat(cut.drain()).containsExactly(created("1", "b"));
  }

  @Test
  void recordsAreKeptApartByModelAndId() {
    cut.add(updated("1", "a", "b"));
    cut.add(change("res.partner", "1", UPDATE, state("p"), state("q")));
    cut.add(updated("2", "x", "y"));

    assertThat(cut.drain()).extracting(EntityChanged::key)
        .containsExactly("sale.order#1", "res.partner#1", "sale.order#2");
  }

  @Test
  void orderOfFirstTouchIsPreserved() {
    cut.add(created("3", "c"));
    cut.add(updated("1", "a", "b"));
    cut.add(updated("2", "x", "y"));
    cut.add(updated("3", "c", "d"));
    cut.add(updated("1", "b", "e"));

    List<EntityChanged> drained = cut.drain();
    assertThat(drained).extracting(EntityChanged::recordId).containsExactly("3", "1", "2");
    assertThat(drained.get(0)).isEqualTo(created("3", "d"));
    assertThat(drained.get(1)).isEqualTo(updated("1", "a", "e"));
  }

  @Test
  void drainEmptiesTheQueue() {
    cut.add(updated("1", "a", "b"));
    assertThat(cut.drain()).hasSize(1);

    assertThat(cut.isEmpty()).isTrue();
    assertThat(cut.drain()).isEmpty();

    cut.add(updated("1", "b", "c"));
    assertThat(cut.drain()).containsExactly(updated("1", "b", "c"));
  }

  @Test
  void oneInstancePerTransactionKeptInTheRegistry() {
    TransactionSynchronizationRegistry first = new OneTransaction();
    PendingChanges p = PendingChanges.of(first);
    p.add(created("1", "a"));
    assertThat(PendingChanges.of(first)).isSameAs(p);
    assertThat(PendingChanges.of(new OneTransaction()).isEmpty()).isTrue();
  }

  /** The resources of one transaction, as the registry keeps them. */
  private static final class OneTransaction implements TransactionSynchronizationRegistry {
    private final Map<Object, Object> resources = new HashMap<>();

    @Override
    public Object getTransactionKey() {
      return this;
    }

    @Override
    public void putResource(Object key, Object value) {
      resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
      return resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int getTransactionStatus() {
      return Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }

  @Test
  void coalesceKeepsModelAndIdOfTheFirst() {
    EntityChanged merged = PendingChanges.coalesce(updated("7", "a", "b"), updated("7", "b", "c"));
    assertThat(merged.model()).isEqualTo("sale.order");
    assertThat(merged.recordId()).isEqualTo("7");
    assertThat(PendingChanges.coalesce(created("7", "a"), deleted("7", "a"))).isNull();
  }

  @Test
  void enterIsTrueOnlyForTheOutermostCall() {
    assertThat(cut.enter()).isTrue();
    assertThat(cut.enter()).isFalse();
    assertThat(cut.enter()).isFalse();
    cut.exit();
    cut.exit();
    assertThat(cut.enter()).isFalse();
    cut.exit();
    cut.exit();

    assertThat(cut.enter()).as("outermost again after every exit").isTrue();
    cut.exit();
  }
}
