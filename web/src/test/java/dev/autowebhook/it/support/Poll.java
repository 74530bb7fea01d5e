package dev.autowebhook.it.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for asynchronous effects (deliveries, retries, state changes) without a polling library:
 * checks every 100 ms until the condition holds or the timeout expires. An exception thrown by the
 * condition counts as "not yet" and is attached as the cause if the wait finally fails.
 */
public final class Poll {

    private static final long INTERVAL_MILLIS = 100;

    private Poll() {
    }

    /** Polls {@code condition} until it is true; {@link AssertionError} naming {@code what} on timeout. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        until(timeout, what, condition::getAsBoolean, Boolean.TRUE::equals);
    }

    /**
     * Polls {@code supplier} until {@code ok} accepts its value and returns that value;
     * {@link AssertionError} naming {@code what} and showing the last value on timeout.
     */
    public static <T> T until(Duration timeout, String what, Supplier<T> supplier, Predicate<T> ok) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        boolean haveValue = false;
        Throwable lastError = null;
        while (true) {
            try {
                last = supplier.get();
                haveValue = true;
                lastError = null;
                if (ok.test(last)) {
                    return last;
                }
            } catch (RuntimeException | AssertionError e) {
                lastError = e;
            }
            long remainingNanos = deadline - System.nanoTime();
            if (remainingNanos <= 0) {
                String detail = lastError != null
                        ? "last attempt failed with " + lastError
                        : haveValue ? "last value: " + last : "no value";
                AssertionError failure = new AssertionError(
                        "Timed out after " + timeout + " waiting for: " + what + " (" + detail + ")");
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            try {
                Thread.sleep(Math.min(INTERVAL_MILLIS, Math.max(1, remainingNanos / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + what, e);
            }
        }
    }
}
