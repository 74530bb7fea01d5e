package dev.autowebhook.records.entity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a persistent field whose value the record computes itself (totals, residuals): it is
 * shown in the API and in payloads but ignored on input.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Computed {}
