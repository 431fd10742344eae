package io.migrationmanager.lang.starlark;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.lang.starlark.tool.StarlarkRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scriptlet test runner: exit status, failure reports with positions, summary. */
class StarlarkRunnerTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private String write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p.toString();
  }

  private int run(String... files) {
    return StarlarkRunner.run(
        files,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void passingFileExitsZero() throws IOException {
    String f = write("ok.star", "assert.eq(1 + 1, 2)\nassert.true([1])\nprint('hello')\n");
    assertThat(run(f)).isZero();
    assertThat(output()).contains("hello\n").contains("PASS " + f).endsWith("1 file, 0 failed\n");
  }

  @Test
  void failedAssertionsAreReportedWithPositionAndDoNotStopTheFile() throws IOException {
    String f =
        write(
            "bad.star",
            "assert.eq(1, 2)\n"
                + "assert.ne('a', 'a')\n"
                + "def check():\n"
                + "    assert.true(False, 'custom message')\n"
                + "check()\n"
                + "assert.lt(3, 2)\n"
                + "assert.contains([1], 5)\n"
                + "assert.fails(lambda: 1, 'boom')\n"
                + "assert.fails(lambda: fail('x'), 'y')\n"
                + "assert.fail('explicit')\n"
                + "print('reached the end')\n");
    assertThat(run(f)).isEqualTo(1);
    assertThat(output())
        .contains(f + ":1:10: 1 != 2\n")
        .contains(f + ":2:10: \"a\" == \"a\"\n")
        .contains(f + ":4:16: custom message\n")
        .contains(f + ":6:10: 3 is not less than 2\n")
        .contains(f + ":7:16: [1] does not contain 5\n")
        .contains(f + ":8:13: evaluation succeeded unexpectedly (want error matching \"boom\")\n")
        .contains(f + ":9:13: regular expression (y) did not match error (fail: x)\n")
        .contains(f + ":10:12: explicit\n")
        .contains("reached the end")
        .contains("FAIL " + f + " (8 failures)")
        .endsWith("1 file, 1 failed\n");
  }

  @Test
  void runtimeAndSyntaxErrorsFailTheFile() throws IOException {
    String runtime = write("runtime.star", "def f():\n    return 1 // 0\nf()\n");
    String syntax = write("syntax.star", "x = (\n");
    String ok = write("ok.star", "assert.eq(1, 1)\n");
    assertThat(run(runtime, syntax, ok)).isEqualTo(1);
    assertThat(output())
        .contains(
            "Traceback (most recent call last):\n  "
                + runtime
                + ":3:2: in <toplevel>\n  "
                + runtime
                + ":2:14: in f\nError: floored division by zero\n")
        .contains(syntax + ":2:1: got end of file, want primary expression")
        .contains("PASS " + ok)
        .endsWith("3 files, 2 failed\n");
  }

  @Test
  void optionsInCommentsSelectTheDialect() throws IOException {
    String f =
        write(
            "opts.star",
            "# option:while\n# option:toplevelcontrol\n# option:globalreassign\n# option:maxsteps=5000\n"
                + "n = 0\nwhile n < 10:\n    n += 1\n"
                + "assert.fails(lambda: [x for x in range(100000) if False], 'too many steps')\n"
                + "assert.eq(n, 10)\n");
    assertThat(run(f)).isZero();
  }

  @Test
  void missingFilesAndUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: migration-manager-starlark FILE.star");
    assertThat(run(dir.resolve("absent.star").toString())).isEqualTo(1);
    assertThat(output()).contains("cannot read file");
  }
}
