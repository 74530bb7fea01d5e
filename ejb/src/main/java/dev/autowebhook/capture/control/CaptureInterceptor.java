package dev.autowebhook.capture.control;

import dev.autowebhook.capture.boundary.ChangeCaptured;
import dev.autowebhook.outbox.boundary.Outbox;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs inside the business transaction: after the outermost {@link ChangeCaptured} method
 * returns, flushes so that every listener has fired, then hands the coalesced changes to the
 * {@link Outbox}. If the method throws, nothing is appended and the transaction rolls back with it.
 */
@ChangeCaptured
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class CaptureInterceptor {

  @Resource TransactionSynchronizationRegistry tx;
  @Inject Outbox outbox;

  @AroundInvoke
  Object capture(InvocationContext ctx) throws Exception {
    PendingChanges pending = PendingChanges.of(tx);
    boolean outermost = pending.enter();
    try {
      Object result = ctx.proceed();
      if (outermost) {
        outbox.flushAndAppend(pending);
      }
      return result;
    } finally {
      pending.exit();
    }
  }
}
