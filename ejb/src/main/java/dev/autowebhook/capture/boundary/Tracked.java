package dev.autowebhook.capture.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a JPA entity a tracked model: its creates, updates and deletes become outbox events under
 * the given model key (e.g. {@code "sale.order"}). Entities that extend {@code BusinessRecord}
 * inherit the change listener; any other entity adds
 * {@code @EntityListeners(ChangeListener.class)} and implements {@code CapturedState} to get old
 * values on updates.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Tracked {
  /** The stable model key used in configs, payloads and the pull feed. */
  String value();
}
