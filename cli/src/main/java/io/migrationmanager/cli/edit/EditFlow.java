package io.migrationmanager.cli.edit;

import com.fasterxml.jackson.databind.JsonNode;
import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.Terminal;
import io.migrationmanager.cli.transport.ApiClient;
import io.migrationmanager.cli.transport.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The YAML edit flow of {@code batch edit}, {@code instance override edit}, {@code network edit}
 * and the {@code system * edit} commands (spec §5.1).
 *
 * <p>When standard input is not a terminal, the YAML is read from it and sent as is. Otherwise the
 * current object is fetched and opened in the editor, in a temporary file {@code
 * migration_manager_editor_*.yaml} (mode 0600) that starts with a three-line {@code ###} header and
 * a blank line; the saved file is parsed (lines starting with {@code #} are comments) and sent with
 * {@code PUT}.
 *
 * <p>Unlike the original, a rejected change is not lost: the error is shown, and after the user
 * presses enter the editor opens again on the user's own text, with the error as {@code #} comment
 * lines on top. This repeats until the server accepts the change, or the user saves the file
 * unchanged or empty, or ends the input (ctrl+d) or the process (ctrl+c); giving up reports the
 * last error.
 */
public final class EditFlow {

  private static final String RETRY_HINT =
      "# Fix the configuration below and save to try again; save it unchanged or empty to give up.";

  private final ApiClient api;
  private final Terminal terminal;

  /** An edit flow against {@code api}, asking and editing on {@code terminal}. */
  public EditFlow(ApiClient api, Terminal terminal) {
    this.api = api;
    this.terminal = terminal;
  }

  /** The header of the editor file for {@code what}, e.g. {@code batch configuration}. */
  public static String header(String what) {
    return "### This is a YAML representation of "
        + what
        + ".\n### Any line starting with a '# will be ignored.\n###\n\n";
  }

  /**
   * Edits the object at {@code path}: {@code GET} it, edit it, {@code PUT} it back to the same path
   * with {@code If-Match} set to the {@code ETag} of the {@code GET}.
   *
   * @param what what the object is, for the header ({@code instance override configuration})
   */
  public void edit(String what, String path) {
    edit(what, path, UnaryOperator.identity(), path);
  }

  /**
   * Edits part of an object: {@code view} picks what the user edits from the object at {@code
   * getPath}, and the edited YAML is sent to {@code putPath} (with {@code If-Match} only when both
   * paths are the same).
   */
  public void edit(String what, String getPath, UnaryOperator<JsonNode> view, String putPath) {
    edit(what, getPath, view, putPath, yaml -> yaml);
  }

  /**
   * Like {@link #edit(String, String, UnaryOperator, String)}, but the edited YAML is turned into
   * the request body by {@code body}, which may reject it with a {@link CliException} before
   * anything is sent (in the editor, the user is then asked to fix it like after a rejection by the
   * server).
   */
  public void edit(
      String what,
      String getPath,
      UnaryOperator<JsonNode> view,
      String putPath,
      Function<JsonNode, Object> body) {
    if (!terminal.isInteractive()) {
      String text = terminal.readAll();
      if (isBlank(text)) {
        throw new CliException("No configuration was given on standard input");
      }
      api.put(putPath, body.apply(Json.parseYaml(text)), null);
      return;
    }
    ApiResponse current = api.getWithEtag(getPath);
    String etag = getPath.equals(putPath) ? current.etag().orElse(null) : null;
    String text = header(what) + Json.toYaml(view.apply(current.metadata()));
    Path file = createTempFile();
    try {
      String errorBlock = "";
      String lastError = null;
      while (true) {
        String presented = errorBlock + text;
        Files.writeString(file, presented);
        terminal.editor().edit(file);
        String saved = Files.readString(file);
        String userText =
            saved.startsWith(errorBlock) ? saved.substring(errorBlock.length()) : saved;
        if (isBlank(userText) || (lastError != null && saved.equals(presented))) {
          throw new CliException(lastError == null ? "Edit aborted: the file is empty" : lastError);
        }
        try {
          api.put(putPath, body.apply(Json.parseYaml(userText)), etag);
          return;
        } catch (CliException e) {
          lastError = e.getMessage();
          String note = "";
          if (e.statusCode() == 412 && etag != null) {
            etag = api.getWithEtag(getPath).etag().orElse(null);
            note =
                "# The object changed since it was opened; saving again overwrites those"
                    + " changes.\n";
          }
          terminal.err().println("Error: " + lastError);
          terminal.out().println("Press enter to open the editor again or ctrl+c to abort change");
          if (terminal.readLine().isEmpty()) {
            throw new CliException(lastError, e.statusCode());
          }
          errorBlock = errorComment(lastError) + note + RETRY_HINT + "\n";
          text = userText;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        terminal.warn("Failed to remove " + file + ": " + e.getMessage());
      }
    }
  }

  private static String errorComment(String message) {
    StringBuilder comment = new StringBuilder();
    String[] lines = message.split("\r?\n");
    comment.append("# Error: ").append(lines[0]).append('\n');
    for (int i = 1; i < lines.length; i++) {
      comment.append("# ").append(lines[i]).append('\n');
    }
    return comment.toString();
  }

  /** Whether {@code text} has nothing but blank lines and comments. */
  private static boolean isBlank(String text) {
    return text.lines().map(String::strip).allMatch(line -> line.isEmpty() || line.startsWith("#"));
  }

  private static Path createTempFile() {
    try {
      return Files.createTempFile(
          "migration_manager_editor_",
          ".yaml",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (IOException e) {
      throw new CliException(
          "Failed to create a temporary file for the editor: " + e.getMessage(), e);
    }
  }
}
