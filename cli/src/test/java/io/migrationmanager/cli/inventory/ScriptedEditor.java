package io.migrationmanager.cli.inventory;

import io.migrationmanager.cli.edit.EditorLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A text editor for tests: every time it is opened it records the file's text and saves the next
 * queued text, running the queued action first (to change the server meanwhile).
 */
public final class ScriptedEditor implements EditorLauncher {

  private final Deque<String> saves = new ArrayDeque<>();
  private final Deque<Runnable> actions = new ArrayDeque<>();
  private final List<String> seen = new ArrayList<>();

  /** Saves {@code text} at the next opening. */
  public ScriptedEditor thenSave(String text) {
    return thenSave(text, () -> {});
  }

  /** Runs {@code meanwhile}, then saves {@code text}, at the next opening. */
  public ScriptedEditor thenSave(String text, Runnable meanwhile) {
    saves.add(text);
    actions.add(meanwhile);
    return this;
  }

  /** What the file held each time the editor was opened. */
  public List<String> seen() {
    return seen;
  }

  @Override
  public void edit(Path file) {
    try {
      seen.add(Files.readString(file));
      actions.remove().run();
      Files.writeString(file, saves.remove());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
