package dev.autowebhook.subscription.entity;

import java.util.Locale;

/** Delivery priority of a model's events; {@link #rank()} orders high before medium before low. */
public enum Priority {
  HIGH(0), MEDIUM(1), LOW(2);

  private final int rank;

  Priority(int rank) {
    this.rank = rank;
  }

  public int rank() {
    return rank;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
