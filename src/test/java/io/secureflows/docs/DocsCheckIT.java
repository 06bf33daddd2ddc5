package io.secureflows.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureflows.testsupport.Deployments;
import io.secureflows.testsupport.IntegrationTest;
import io.secureflows.testsupport.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
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
  private static final Path API_REFERENCE = Path.of("docs", "api-reference.md");
  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final Pattern DOCUMENTED_CALL =
      Pattern.compile("`(GET|PUT|POST|DELETE|PATCH) (/api/[^`?\\s]*)");
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

  /**
   * docs/api-reference.md names every operation of the server's OpenAPI description under {@code
   * /api}, and no other: path parameter names and query strings are not compared.
   */
  @Test
  void theApiReferenceNamesExactlyTheOperationsTheServerDescribes() throws Exception {
    HttpResponse<String> openApi =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + deployment.getPort() + "/openapi?format=JSON"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(openApi.statusCode()).isEqualTo(200);
    JsonObject description = Json.createReader(new StringReader(openApi.body())).readObject();
    assertThat(description.getJsonObject("info").getString("title")).isEqualTo("secureFlows API");
    Set<String> served = new TreeSet<>();
    description
        .getJsonObject("paths")
        .forEach(
            (path, operations) ->
                operations.asJsonObject().keySet().stream()
                    .filter(HTTP_METHODS::contains)
                    .forEach(method -> served.add(operation(method, path))));
    Set<String> documented = documentedOperations(Files.readString(API_REFERENCE));
    assertThat(served).as("operations in /openapi").allMatch(op -> op.contains(" /api/"));
    assertThat(documented).as("the operations " + API_REFERENCE + " names").isEqualTo(served);
  }

  static Set<String> documentedOperations(String markdown) {
    Set<String> operations = new TreeSet<>();
    Matcher matcher = DOCUMENTED_CALL.matcher(markdown);
    while (matcher.find()) {
      operations.add(operation(matcher.group(1), matcher.group(2)));
    }
    return operations;
  }

  private static String operation(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path.replaceAll("\\{[^}]*}", "{}");
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
