package io.secureflows.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;

/**
 * The API access log's in-memory queue: a request only offers its record (no database work on the
 * request path); {@link AccessLogWriter} writes the queue in batches. When the queue is full the
 * record is dropped and counted, never silently: {@link #dropped()} is logged by the writer and
 * shown as a metric and in {@code /health/ready}.
 */
@ApplicationScoped
public class AccessLog {
  /** Records held at most: about a minute of a busy node's calls. */
  static final int CAPACITY = 100_000;

  private final BlockingQueue<AccessRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();

  public void offer(AccessRecord record) {
    if (!queue.offer(record)) {
      dropped.incrementAndGet();
    }
  }

  /** Takes up to {@code max} queued records, oldest first. */
  List<AccessRecord> take(int max) {
    List<AccessRecord> batch = new ArrayList<>(Math.min(max, queue.size()));
    queue.drainTo(batch, max);
    return batch;
  }

  /** Records dropped because the queue was full, since start. */
  @Gauge(
      name = "secureflows_access_log_dropped",
      absolute = true,
      unit = MetricUnits.NONE,
      description = "API access-log records dropped because the queue was full, since start")
  public long dropped() {
    return dropped.get();
  }

  @Gauge(
      name = "secureflows_access_log_queued",
      absolute = true,
      unit = MetricUnits.NONE,
      description = "API access-log records waiting to be written")
  public int queued() {
    return queue.size();
  }
}
