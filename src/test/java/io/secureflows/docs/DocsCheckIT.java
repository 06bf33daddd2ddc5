package io.secureflows.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.TestEnvironment;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The docs cannot drift: every fenced block marked {@code bash docs-check} in README.md and docs/
 * runs, in file order, against the real server, with {@code SF} (its loopback HTTP address) and
 * {@code KEY} (a platform API key) set, as a reader sets them after {@code payara/run.sh}. The
 * blocks of one file share a working directory; each runs in {@code bash -euo pipefail} and must
 * exit 0.
 */
@IntegrationTest
class DocsCheckIT {
  private static final Pattern RUNNABLE =
      Pattern.compile("(?ms)^```bash docs-check\\s*\\n(.*?)^```\\s*$");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.secureFlows();
  }

  @ArquillianResource URL deployment;

  @TestFactory
  Stream<DynamicTest> everyRunnableBlockOfTheDocsRuns() throws Exception {
    List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      List<String> blocks = runnableBlocks(Files.readString(file));
      if (!blocks.isEmpty()) {
        tests.add(DynamicTest.dynamicTest(file.toString(), () -> run(file, blocks)));
      }
    }
    assertThat(tests)
        .as("runnable blocks in the docs (first-application.md has some)")
        .isNotEmpty();
    return tests.stream();
  }

  static List<String> runnableBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher matcher = RUNNABLE.matcher(markdown);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  private void run(Path file, List<String> blocks) throws Exception {
    Path workDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "docs-check-");
    String base = "http://127.0.0.1:" + deployment.getPort();
    for (int i = 0; i < blocks.size(); i++) {
      Path output = workDir.resolve("block-" + (i + 1) + ".out");
      ProcessBuilder builder =
          new ProcessBuilder("bash", "-euo", "pipefail", "-c", blocks.get(i))
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().put("SF", base);
      builder.environment().put("KEY", TestEnvironment.PLATFORM_API_KEY);
      Process bash = builder.start();
      bash.getOutputStream().close();
      boolean finished = bash.waitFor(120, TimeUnit.SECONDS);
      if (!finished) {
        bash.destroyForcibly();
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      assertThat(finished && bash.exitValue() == 0)
          .as(
              "block %d of %s (SF=%s) failed:%n%s%n--- output ---%n%s",
              i + 1, file, base, blocks.get(i), printed)
          .isTrue();
    }
  }
}
