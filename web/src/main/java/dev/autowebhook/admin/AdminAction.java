package dev.autowebhook.admin;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a backing-bean action that changes something: only {@code webhook-admin} may run it, and
 * its business errors become page messages (see {@link AdminActions}). The method must return
 * {@code void} or a navigation outcome ({@code String}).
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AdminAction {}
