package io.secureflows.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of a process tree, from {@code /proc}: what the server (or the
 * database) spent, whatever else shares the machine. Children that ended count through their
 * parent's waited-for time ({@code cutime}, {@code cstime}), so a database's finished backends are
 * not lost.
 */
final class ProcessMeter {
  private static final double TICKS_PER_SECOND = 100.0;

  private final long pid;

  ProcessMeter(long pid) {
    this.pid = pid;
  }

  /** User plus system CPU seconds of the process, its living descendants and its reaped ones. */
  double cpuSeconds() {
    ProcessHandle root = ProcessHandle.of(pid).orElseThrow();
    double seconds = ticks(pid, true);
    try (Stream<ProcessHandle> descendants = root.descendants()) {
      seconds += descendants.mapToDouble(child -> ticks(child.pid(), false)).sum();
    }
    return seconds / TICKS_PER_SECOND;
  }

  /** Resident set size of the process itself, in MiB. */
  double residentMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
      return Double.NaN;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  private static double ticks(long pid, boolean withReapedChildren) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which is in parentheses and may hold spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      double own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return withReapedChildren
          ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14])
          : own;
    } catch (IOException | RuntimeException ended) {
      return 0;
    }
  }
}
