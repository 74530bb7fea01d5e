package dev.autowebhook.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.platform.Time;
import dev.autowebhook.security.control.TokenCache;
import dev.autowebhook.security.control.TokenGenerator;
import dev.autowebhook.security.entity.ApiToken;
import dev.autowebhook.security.entity.AppUser;
import dev.autowebhook.security.entity.Role;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checks that need no database: input validation and the cached path of authenticate. */
class ApiTokensTest {

  ApiTokens cut;

  @BeforeEach
  void setUp() {
    AppUser disabled = new AppUser("bob", "x", Role.WEBHOOK_VIEWER, Time.now());
    disabled.setEnabled(false);
    Map<String, AppUser> known = Map.of(
        "alice", new AppUser("alice", "x", Role.WEBHOOK_VIEWER, Time.now()), "bob", disabled);
    cut = new ApiTokens();
    cut.users = new Users() {
      @Override
      public Optional<AppUser> byName(String username) {
        return Optional.ofNullable(known.get(username));
      }
    };
    cut.cache = new TokenCache();
  }

  @Test
  void unknownUserBlankNameAndPastExpiryAreRefusedTogether() {
    InvalidInputException e = catchThrowableOfType(
        () -> cut.issue("nobody", "  ", Time.now().minusSeconds(1)), InvalidInputException.class);

    assertThat(e.violations()).extracting(Violation::field)
        .containsExactly("username", "name", "expires_at");
  }

  @Test
  void missingOrDisabledUserIsRefused() {
    assertThat(catchThrowableOfType(() -> cut.issue(null, "phone", null),
        InvalidInputException.class).violations()).extracting(Violation::field)
        .containsExactly("username");
    assertThat(catchThrowableOfType(() -> cut.issue("bob", "phone", null),
        InvalidInputException.class).getMessage()).contains("disabled");
  }

  @Test
  void nameLongerThan100CharactersIsRefused() {
    assertThat(catchThrowableOfType(() -> cut.issue("alice", "n".repeat(101), null),
        InvalidInputException.class).violations())
        .containsExactly(new Violation("name", "must be at most 100 characters"));
  }

  @Test
  void malformedTokensAreRefusedWithoutALookup() {
    // no EntityManager: a lookup would fail with a NullPointerException
    assertThat(cut.authenticate(null)).isEmpty();
    assertThat(cut.authenticate("")).isEmpty();
    assertThat(cut.authenticate("awt_nope")).isEmpty();
    assertThat(cut.authenticate("Bearer " + TokenGenerator.newToken())).isEmpty();
  }

  @Test
  void cachedTokensAreServedFromTheCacheButExpiryStillApplies() {
    String good = TokenGenerator.newToken();
    String expired = TokenGenerator.newToken();
    cut.cache.put(new ApiToken("a", "alice", TokenGenerator.hash(good), "x", Time.now(), null,
        "admin"));
    cut.cache.put(new ApiToken("b", "alice", TokenGenerator.hash(expired), "x", Time.now(),
        Time.now().minusSeconds(1), "admin"));

    assertThat(cut.authenticate(good)).get().extracting(ApiToken::getUsername)
        .isEqualTo("alice");
    assertThat(cut.authenticate(expired)).isEmpty();
  }
}
