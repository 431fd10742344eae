package io.migrationmanager.cli;

import io.migrationmanager.cli.config.ClientConfig;
import io.migrationmanager.cli.config.ConfigStore;
import io.migrationmanager.cli.config.Remote;
import io.migrationmanager.cli.remote.RemoteConnector;
import io.migrationmanager.cli.transport.ApiClient;
import io.migrationmanager.cli.transport.UnixSocketApiClient;
import java.time.Clock;

/**
 * Everything a command needs for one invocation: the {@link Terminal}, the configuration, and the
 * {@link ApiClient} of the current remote. Commands receive it through their constructor.
 *
 * <p>The connection is set up when a command first asks for {@link #api()}: that is the pre-run
 * check of spec §5.1 (local socket when {@code --force-local} is given or no default remote is set;
 * otherwise the remote's connectivity check, which may ask the user to confirm the server
 * certificate). A default remote that does not exist is reported as a warning and the local socket
 * is used.
 */
public final class CliContext {

  private final CliEnvironment environment;
  private final Terminal terminal;
  private final ConfigStore configStore;
  private boolean forceLocal;
  private ApiClient api;

  /** A context for one invocation in {@code environment}. */
  public CliContext(CliEnvironment environment) {
    this.environment = environment;
    this.terminal = new Terminal(environment);
    this.configStore = ConfigStore.from(environment);
  }

  public Terminal terminal() {
    return terminal;
  }

  public ConfigStore configStore() {
    return configStore;
  }

  /**
   * Confirms a change the way the original does: prints {@code Successfully <what>.}, e.g. {@code
   * Successfully removed network "<uuid>".}
   */
  public void succeeded(String what) {
    terminal.out().println("Successfully " + what + ".");
  }

  /**
   * Runs an action: {@code POST path} without a body, then confirms with {@code Successfully
   * <done>.}
   */
  public void post(String path, String done) {
    api().post(path, null);
    succeeded(done);
  }

  /** Removes something: {@code DELETE path}, then confirms with {@code Successfully <done>.} */
  public void delete(String path, String done) {
    api().delete(path);
    succeeded(done);
  }

  /** The current time, for times shown relative to now ({@code 4s ago}). */
  public Clock clock() {
    return environment.clock();
  }

  /** Set by the global {@code --force-local} flag. */
  public void setForceLocal(boolean forceLocal) {
    this.forceLocal = forceLocal;
  }

  /** The API of the current remote, connected (and checked) on first use. */
  public ApiClient api() {
    if (api == null) {
      api = connect();
    }
    return api;
  }

  private UnixSocketApiClient localApi() {
    return new UnixSocketApiClient(UnixSocketApiClient.socketPath(environment));
  }

  private ApiClient connect() {
    if (forceLocal) {
      return localApi();
    }
    ClientConfig config = configStore.load();
    String name = config.defaultRemote();
    if (name.isEmpty()) {
      return localApi();
    }
    Remote remote = config.remotes().get(name);
    if (remote == null) {
      terminal.warn("Default remote \"" + name + "\" does not exist, using the local unix socket");
      return localApi();
    }
    RemoteConnector connector = new RemoteConnector(terminal, configStore);
    Remote trusted = connector.trust(remote);
    ApiClient client = connector.verify(trusted);
    if (!trusted.equals(remote)) {
      configStore.save(config.withRemote(name, trusted));
    }
    return client;
  }
}
