package io.secureflows.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The database floor: {@code pgbench} with a custom script against the benchmark's database, as the
 * owner role, {@code clients} connections for {@code seconds}. Latencies come from pgbench's
 * per-transaction log, so p50 and p99 are exact like the HTTP scenarios'.
 */
final class PgBench {
  static final String READ =
      "\\set id random(1, :rows)\nselect body from benchmark_row where id = :id;\n";
  static final String UPDATE =
      "\\set id random(1, :rows)\n"
          + "update benchmark_row set body = repeat(md5(random()::text), 32) where id = :id;\n";

  private final Path workDir;
  private final int port;
  private final String user;
  private final String password;
  private final int rows;

  PgBench(Path workDir, int port, String user, String password, int rows) {
    this.workDir = workDir;
    this.port = port;
    this.user = user;
    this.password = password;
    this.rows = rows;
  }

  static boolean installed() {
    try {
      return new ProcessBuilder("pgbench", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  ClosedLoopLoad.Result run(String name, String script, int clients, int seconds)
      throws IOException, InterruptedException {
    Path dir = Files.createDirectories(workDir.resolve(name + "-" + System.nanoTime()));
    Path file = dir.resolve(name + ".sql");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    List<String> command =
        List.of(
            "pgbench",
            "-h",
            "127.0.0.1",
            "-p",
            Integer.toString(port),
            "-U",
            user,
            "-n",
            "-c",
            Integer.toString(clients),
            "-j",
            "2",
            "-T",
            Integer.toString(seconds),
            "-D",
            "rows=" + rows,
            "-f",
            file.toString(),
            "-l",
            "--log-prefix",
            dir.resolve("tx").toString(),
            "secureflows");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
    builder.environment().put("PGPASSWORD", password);
    Process pgbench = builder.start();
    String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!pgbench.waitFor(seconds + 60L, TimeUnit.SECONDS) || pgbench.exitValue() != 0) {
      throw new IllegalStateException("pgbench failed:\n" + output);
    }
    List<Long> latencies = new ArrayList<>();
    long failed = 0;
    try (Stream<Path> logs = Files.list(dir)) {
      for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("tx.")).toList()) {
        for (String line : Files.readAllLines(log)) {
          String[] fields = line.split(" ");
          if (fields[2].chars().allMatch(Character::isDigit)) {
            latencies.add(Long.parseLong(fields[2]) * 1000);
          } else {
            failed++;
          }
        }
      }
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return new ClosedLoopLoad.Result(
        sorted.length,
        failed,
        seconds,
        ClosedLoopLoad.percentile(sorted, 50),
        ClosedLoopLoad.percentile(sorted, 99),
        failed == 0 ? null : failed + " failed transactions in pgbench's log");
  }
}
