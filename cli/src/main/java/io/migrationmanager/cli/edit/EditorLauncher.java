package io.migrationmanager.cli.edit;

import io.migrationmanager.cli.CliException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Opens a file in the user's text editor and returns when the editor exits. */
@FunctionalInterface
public interface EditorLauncher {

  /**
   * Edits {@code file} in place and waits for the editor to exit.
   *
   * @throws CliException when no editor can be started or it fails
   */
  void edit(Path file);

  /**
   * The editor named by {@code $VISUAL}, else {@code $EDITOR} (both may carry arguments, split on
   * white space), else the first of {@code editor}, {@code vi}, {@code emacs}, {@code nano} found
   * on {@code $PATH}; it runs on the process' own terminal.
   */
  static EditorLauncher fromEnvironment(Map<String, String> variables) {
    return file -> {
      List<String> command = new ArrayList<>(editorCommand(variables));
      command.add(file.toString());
      int status;
      try {
        status = new ProcessBuilder(command).inheritIO().start().waitFor();
      } catch (IOException e) {
        throw new CliException(
            "Failed to start the editor " + command.get(0) + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("Interrupted while waiting for the editor", e);
      }
      if (status != 0) {
        throw new CliException("The editor " + command.get(0) + " exited with status " + status);
      }
    };
  }

  private static List<String> editorCommand(Map<String, String> variables) {
    for (String variable : List.of("VISUAL", "EDITOR")) {
      String value = variables.getOrDefault(variable, "").trim();
      if (!value.isEmpty()) {
        return Arrays.asList(value.split("\\s+"));
      }
    }
    String path = variables.getOrDefault("PATH", "");
    for (String candidate : List.of("editor", "vi", "emacs", "nano")) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, candidate))) {
          return List.of(candidate);
        }
      }
    }
    throw new CliException("No text editor found, please set the EDITOR environment variable");
  }
}
