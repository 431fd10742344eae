package io.migrationmanager.lang.starlark;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.lang.starlark.tool.StarlarkRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every conformance file under {@code src/test/resources/starlark} through the test runner's engine;
 * each file must finish without a failed assertion or error.
 */
class StarlarkConformanceTest {

  static Path directory() throws URISyntaxException {
    return Path.of(StarlarkConformanceTest.class.getResource("/starlark").toURI());
  }

  static List<String> files() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(directory())) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".star"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void conformanceFilePasses(String file) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    StarlarkRunner.FileResult result =
        StarlarkRunner.runFile(
            directory().resolve(file), new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(result.failures()).as("failures in %s", file).isEmpty();
  }
}
