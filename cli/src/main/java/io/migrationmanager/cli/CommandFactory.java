package io.migrationmanager.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates picocli command objects, handing the {@link CliContext} to every command that has a
 * public constructor taking it; other classes (mixins, completion candidates) are created as
 * picocli would.
 */
final class CommandFactory implements CommandLine.IFactory {

  private final CliContext context;

  CommandFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Constructor<K> constructor;
    try {
      constructor = type.getConstructor(CliContext.class);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
    return constructor.newInstance(context);
  }
}
