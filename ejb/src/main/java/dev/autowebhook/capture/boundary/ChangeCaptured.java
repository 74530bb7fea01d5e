package dev.autowebhook.capture.boundary;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks transactional boundary methods (or classes) whose record changes go to the outbox: when
 * the outermost marked method of a transaction returns, the persistence context is flushed and
 * the coalesced changes are appended to the outbox in the same transaction.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ChangeCaptured {}
