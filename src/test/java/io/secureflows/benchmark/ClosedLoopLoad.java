package io.secureflows.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: each of {@code workers} threads sends its next request as soon as the previous
 * one is answered (or, {@link #paced}, at its next slot of a fixed rate), for the duration. Every
 * answer's latency is kept, so percentiles are exact.
 */
final class ClosedLoopLoad {

  /** One request of one worker; true when it got the answer it wanted. */
  interface Request {
    boolean send(int worker) throws Exception;
  }

  /** What one run measured. */
  record Result(
      long requests,
      long errors,
      double seconds,
      double p50Millis,
      double p99Millis,
      String firstFailure) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private ClosedLoopLoad() {}

  static Result run(int workers, Duration duration, Request request) throws InterruptedException {
    return run(workers, duration, 0, request);
  }

  /**
   * The same at a fixed rate: each worker sends its next request at its next slot ({@code workers /
   * perSecond} apart), or at once when its previous answer came after that slot.
   */
  static Result paced(int workers, Duration duration, double perSecond, Request request)
      throws InterruptedException {
    return run(workers, duration, (long) (workers * 1e9 / perSecond), request);
  }

  private static Result run(int workers, Duration duration, long intervalNanos, Request request)
      throws InterruptedException {
    long[][] latencies = new long[workers][];
    int[] counts = new int[workers];
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      latencies[w] = new long[4096];
      threads.add(
          Thread.ofPlatform()
              .name("load-" + w)
              .start(
                  () -> {
                    long slot = started + intervalNanos * worker / workers;
                    while (System.nanoTime() < deadline) {
                      if (intervalNanos > 0) {
                        long wait = slot - System.nanoTime();
                        if (wait > 0) {
                          java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        slot = Math.max(slot + intervalNanos, System.nanoTime());
                      }
                      long sent = System.nanoTime();
                      boolean ok;
                      try {
                        ok = request.send(worker);
                        if (!ok) {
                          firstFailure.compareAndSet(null, "an unexpected answer");
                        }
                      } catch (Exception e) {
                        ok = false;
                        firstFailure.compareAndSet(null, e.toString());
                      }
                      if (!ok) {
                        errors.incrementAndGet();
                      }
                      if (counts[worker] == latencies[worker].length) {
                        latencies[worker] = Arrays.copyOf(latencies[worker], counts[worker] * 2);
                      }
                      latencies[worker][counts[worker]++] = System.nanoTime() - sent;
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int w = 0; w < workers; w++) {
      System.arraycopy(latencies[w], 0, all, at, counts[w]);
      at += counts[w];
    }
    Arrays.sort(all);
    return new Result(
        total, errors.get(), seconds, percentile(all, 50), percentile(all, 99), firstFailure.get());
  }

  static double percentile(long[] sortedNanos, double percent) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percent / 100 * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, index)] / 1e6;
  }
}
