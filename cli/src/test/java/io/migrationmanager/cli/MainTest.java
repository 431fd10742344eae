package io.migrationmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationmanager.cli.CliRunner.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path dir;

  @Test
  void versionPrintsTheProjectVersion() {
    Result result = new CliRunner(dir).run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).matches("\\d+\\.\\d+\\.\\d+.*\n");
  }

  @Test
  void helpListsTheCommandsButNotTheHiddenQuery() {
    Result result = new CliRunner(dir).run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "migration-manager",
            "--force-local",
            "remote",
            "completion",
            "source",
            "target",
            "instance",
            "network",
            "warning");
    assertThat(result.out()).doesNotContain("query");
  }

  @Test
  void noCommandPrintsUsage() {
    Result result = new CliRunner(dir).run();

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: migration-manager");
  }

  @Test
  void usageErrorsExitWithOne() {
    Result unknownCommand = new CliRunner(dir).run("frobnicate");
    assertThat(unknownCommand.exitCode()).isEqualTo(1);
    assertThat(unknownCommand.err()).startsWith("Unmatched argument at index 0: 'frobnicate'");

    Result unknownOption = new CliRunner(dir).run("remote", "list", "--bogus");
    assertThat(unknownOption.exitCode()).isEqualTo(1);
    assertThat(unknownOption.err()).startsWith("Unknown option: '--bogus'");

    Result missing = new CliRunner(dir).run("remote", "switch");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).startsWith("Missing required parameter: '<name>'");
  }

  @Test
  void subcommandsHaveHelpToo() {
    Result result = new CliRunner(dir).run("remote", "add", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("--auth-type", "--force-local");
  }

  @Test
  void completionScripts() {
    Result bash = new CliRunner(dir).run("completion", "bash");
    assertThat(bash.exitCode()).isZero();
    assertThat(bash.out()).contains("complete -F", "migration-manager", "remote", "switch");

    Result zsh = new CliRunner(dir).run("completion", "zsh");
    assertThat(zsh.exitCode()).isZero();
    assertThat(zsh.out()).contains("bashcompinit");

    Result fish = new CliRunner(dir).run("completion", "fish");
    assertThat(fish.exitCode()).isEqualTo(1);
    assertThat(fish.err()).isEqualTo("Unsupported shell \"fish\", use bash or zsh\n");
  }

  @Test
  void invalidFormatIsAnError() {
    Result result = new CliRunner(dir).run("remote", "list", "-f", "xml");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("Invalid format \"xml\"\n");
  }

  @Test
  void emptyConfigurationListsOnlyLocal() {
    Result result =
        new CliRunner(dir.resolve("fresh")).run("remote", "list", "-f", "compact,noheader");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("  local (current)  unix://  file access  \n");
  }
}
