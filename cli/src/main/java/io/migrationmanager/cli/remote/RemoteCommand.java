package io.migrationmanager.cli.remote;

import io.migrationmanager.cli.CliContext;
import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.CommandGroup;
import io.migrationmanager.cli.config.ClientConfig;
import io.migrationmanager.cli.config.ConfigStore;
import io.migrationmanager.cli.config.Remote;
import io.migrationmanager.cli.output.FormatOption;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code remote}: the list of Migration Managers the client talks to (spec §5.2). {@code local} is
 * the local unix socket and always exists. These commands work on the configuration only and never
 * connect to the current default remote, so they keep working while that remote is broken.
 */
@Command(
    name = "remote",
    description = "Manage the list of remote Migration Managers",
    subcommands = {
      RemoteCommand.Add.class,
      RemoteCommand.ListRemotes.class,
      RemoteCommand.Remove.class,
      RemoteCommand.Switch.class
    })
public final class RemoteCommand extends CommandGroup {

  /** The {@code remote} command group. */
  public RemoteCommand(CliContext context) {
    super(context);
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }

  /**
   * {@code remote add <name> <URL> [--auth-type tls]}: confirms the server certificate, pins it and
   * saves the remote. When the server does not yet trust the client certificate the remote is saved
   * anyway and a warning names the client fingerprint to trust on the server.
   */
  @Command(name = "add", description = "Add a new remote Migration Manager")
  public static final class Add implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the remote")
    private String name;

    @Parameters(
        index = "1",
        paramLabel = "<URL>",
        description = "Address, e.g. https://192.0.2.100:8443")
    private String url;

    @Option(
        names = "--auth-type",
        defaultValue = Remote.AUTH_TLS,
        description = "Server authentication type (tls)")
    private String authType;

    private final CliContext context;

    /** The {@code remote add} command. */
    public Add(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      Remote remote = new Remote(validAddress(), validAuthType(), "");
      ConfigStore store = context.configStore();
      ClientConfig config = store.load();
      if (config.remotes().containsKey(name)) {
        throw new CliException("Remote with name " + quote(name) + " already exists");
      }
      RemoteConnector connector = new RemoteConnector(context.terminal(), store);
      Remote trusted = connector.trust(remote);
      store.save(config.withRemote(name, trusted));
      try {
        connector.verify(trusted);
      } catch (AuthMismatchException e) {
        context.terminal().warn(e.getMessage());
      }
    }

    private String validAddress() {
      if (name.isEmpty()) {
        throw new CliException("Name of remote can not be empty");
      }
      if (name.equals(ClientConfig.LOCAL)) {
        throw new CliException(
            "Name of remote can not be \"local\", because it is a reserved name for local access "
                + "through the unix socket");
      }
      URI address;
      try {
        address = new URI(url);
      } catch (URISyntaxException e) {
        throw new CliException(
            "Provided URL " + quote(url) + " is not valid: " + e.getMessage(), e);
      }
      if (!"https".equals(address.getScheme()) || address.getHost() == null) {
        throw new CliException(
            "Provided URL " + quote(url) + " is not valid: protocol scheme needs to be https");
      }
      String normalized = url;
      while (normalized.endsWith("/")) {
        normalized = normalized.substring(0, normalized.length() - 1);
      }
      return normalized;
    }

    private String validAuthType() {
      if (authType.equals(Remote.AUTH_OIDC)) {
        throw new CliException(RemoteConnector.OIDC_UNSUPPORTED);
      }
      if (!authType.equals(Remote.AUTH_TLS)) {
        throw new CliException("Value for flag \"--auth-type\" needs to be \"tls\"");
      }
      return authType;
    }
  }

  /** {@code remote list|ls [-f]}: {@code Name | Address | Auth Type}, the current one marked. */
  @Command(name = "list", aliases = "ls", description = "List the available remotes")
  public static final class ListRemotes implements Runnable {

    private static final List<String> COLUMNS = List.of("Name", "Address", "Auth Type");

    @Mixin private FormatOption format;

    private final CliContext context;

    /** The {@code remote list} command. */
    public ListRemotes(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      ClientConfig config = context.configStore().load();
      List<List<String>> rows = new ArrayList<>();
      String current = " (current)";
      rows.add(
          List.of(
              config.defaultRemote().isEmpty() ? ClientConfig.LOCAL + current : ClientConfig.LOCAL,
              "unix://",
              "file access"));
      for (Map.Entry<String, Remote> entry : config.remotes().entrySet()) {
        String name = entry.getKey();
        rows.add(
            List.of(
                name.equals(config.defaultRemote()) ? name + current : name,
                entry.getValue().addr(),
                entry.getValue().authType()));
      }
      context.terminal().out().print(format.renderer().render(COLUMNS, rows, config.remotes()));
    }
  }

  /** {@code remote remove|rm <name>}. */
  @Command(name = "remove", aliases = "rm", description = "Remove a remote")
  public static final class Remove implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the remote")
    private String name;

    private final CliContext context;

    /** The {@code remote remove} command. */
    public Remove(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      if (name.equals(ClientConfig.LOCAL)) {
        throw new CliException("Remote \"local\" can not be removed");
      }
      ClientConfig config = context.configStore().load();
      if (!config.remotes().containsKey(name)) {
        throw new CliException("Remote with name " + quote(name) + " does not exist");
      }
      context.configStore().save(config.withoutRemote(name));
    }
  }

  /**
   * {@code remote switch <name>}: makes {@code <name>} the default; {@code local} is the unix
   * socket.
   */
  @Command(name = "switch", description = "Switch the default remote")
  public static final class Switch implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the remote, or local")
    private String name;

    private final CliContext context;

    /** The {@code remote switch} command. */
    public Switch(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      ClientConfig config = context.configStore().load();
      String target = name.equals(ClientConfig.LOCAL) ? "" : name;
      if (!target.isEmpty() && !config.remotes().containsKey(target)) {
        throw new CliException("Remote with name " + quote(name) + " does not exist");
      }
      context.configStore().save(config.withDefaultRemote(target));
    }
  }
}
