package dev.autowebhook.capture.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EntityChangedTest {

  @Test
  void keyIsModelAndId() {
    EntityChanged cut = new EntityChanged("sale.order", "42", ChangeKind.UPDATE, Map.of(),
        Map.of());
    assertThat(cut.key()).isEqualTo("sale.order#42");
  }

  @Test
  void dataIsAfterForCreateAndUpdateAndBeforeForDelete() {
    Map<String, Object> before = Map.of("name", "old");
    Map<String, Object> after = Map.of("name", "new");

    assertThat(new EntityChanged("m", "1", ChangeKind.CREATE, null, after).data())
        .isSameAs(after);
    assertThat(new EntityChanged("m", "1", ChangeKind.UPDATE, before, after).data())
        .isSameAs(after);
    assertThat(new EntityChanged("m", "1", ChangeKind.DELETE, before, null).data())
        .isSameAs(before);
    assertThat(new EntityChanged("m", "1", ChangeKind.DELETE, null, null).data()).isNull();
  }

  @Test
  void changeKindKeysAreLowerCase() {
    assertThat(ChangeKind.CREATE.key()).isEqualTo("create");
    assertThat(ChangeKind.UPDATE.key()).isEqualTo("update");
    assertThat(ChangeKind.DELETE.key()).isEqualTo("delete");
  }

  @ParameterizedTest
  @ValueSource(strings = {"create", "CREATE", " Create "})
  void changeKindOfIgnoresCaseAndSpaces(String key) {
    assertThat(ChangeKind.of(key)).isEqualTo(ChangeKind.CREATE);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"created", "insert", "c"})
  void changeKindOfRejectsUnknownKeys(String key) {
    assertThatThrownBy(() -> ChangeKind.of(key)).isInstanceOf(IllegalArgumentException.class);
  }
}
