package io.migrationmanager.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationmanager.api.GoDuration;
import io.migrationmanager.api.Source;
import io.migrationmanager.cli.CliContext;
import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.CommandGroup;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.Terminal;
import io.migrationmanager.cli.inventory.EndpointCommands.Added;
import io.migrationmanager.cli.inventory.EndpointCommands.Changes;
import io.migrationmanager.cli.inventory.EndpointCommands.Kind;
import io.migrationmanager.cli.output.FormatOption;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code source}: the VMware vCenter and ESXi endpoints instances are imported from (spec §5.2).
 * {@code add} and {@code update} ask the original's questions; every answer can also be given as a
 * flag, and only what no flag gives is asked.
 */
@Command(
    name = "source",
    description = "Interact with migration sources",
    subcommands = {
      SourceCommand.Add.class,
      SourceCommand.ListSources.class,
      SourceCommand.Remove.class,
      SourceCommand.Update.class,
      SourceCommand.Sync.class
    })
public final class SourceCommand extends CommandGroup {

  private static final Kind SOURCE = new Kind("source", Source.TYPE_VMWARE);
  private static final String DEFAULT_CONNECTION_TIMEOUT = "10m0s";
  private static final String DEFAULT_SYNC_TIMEOUT = "10s";

  /** The {@code source} command group. */
  public SourceCommand(CliContext context) {
    super(context);
  }

  /**
   * The answers of {@code source add} and {@code source update} given as flags; {@code null} where
   * a flag is absent.
   */
  public static final class AnswerOptions {

    @Option(names = "--username", paramLabel = "<user>", description = "User name for the endpoint")
    private String username;

    @Option(
        names = "--password",
        paramLabel = "<password>",
        description = "Password for the endpoint (visible to other users; see --password-stdin)")
    private String password;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input")
    private boolean passwordStdin;

    @Option(
        names = "--import-limit",
        paramLabel = "<n>",
        description = "How many instances can be concurrently imported (0-1024, 0 = unlimited)")
    private String importLimit;

    @Option(
        names = "--connection-timeout",
        paramLabel = "<duration>",
        description = "Connection timeout for the source, e.g. 10m")
    private String connectionTimeout;

    @Option(
        names = "--sync-timeout",
        paramLabel = "<duration>",
        description = "VM import timeout for the source, e.g. 10s")
    private String syncTimeout;

    @Option(
        names = "--datacenters",
        paramLabel = "<list>",
        description = "Comma-separated list of datacenters to import from (empty = all)")
    private String datacenters;

    @Option(
        names = "--trusted-cert-fingerprint",
        paramLabel = "<fp>",
        description = "Trusted SHA256 fingerprint of the source's TLS certificate")
    private String fingerprint;

    /** The flags, checked; reads the password from standard input for {@code --password-stdin}. */
    Answers read(Terminal terminal) {
      if (password != null && passwordStdin) {
        throw new CliException("Flags --password and --password-stdin cannot be used together");
      }
      Answers answers =
          new Answers(
              Inputs.optionalFlag("--username", username, Inputs::required),
              password,
              Inputs.optionalFlag("--import-limit", importLimit, Inputs::limit),
              Inputs.optionalFlag("--connection-timeout", connectionTimeout, Inputs::timeout),
              Inputs.optionalFlag("--sync-timeout", syncTimeout, Inputs::timeout),
              Inputs.optionalFlag("--datacenters", datacenters, Inputs::datacenters),
              Inputs.optionalFlag("--trusted-cert-fingerprint", fingerprint, Inputs::fingerprint));
      if (passwordStdin) {
        return answers.withPassword(terminal.readLine().orElse(""));
      }
      return answers;
    }
  }

  /** Validated flag values; {@code null} where the flag was not given. */
  record Answers(
      String username,
      String password,
      Integer importLimit,
      GoDuration connectionTimeout,
      GoDuration syncTimeout,
      List<String> datacenters,
      String fingerprint) {

    Answers withPassword(String secret) {
      return new Answers(
          username, secret, importLimit, connectionTimeout, syncTimeout, datacenters, fingerprint);
    }
  }

  /**
   * {@code source add [vmware] <name> <IP|FQDN|URL>}: asks for the credentials, the import limit,
   * the timeouts and the datacenters, and registers the source.
   */
  @Command(
      name = "add",
      description = "Add a new source",
      footer = {
        "",
        "The \"type\" argument is optional and defaults to \"vmware\". A bare IP address or host"
            + " name becomes https://<host>. Questions answered by flags are not asked."
      })
  public static final class Add implements Runnable {

    @Parameters(
        arity = "2..3",
        hideParamSyntax = true,
        paramLabel = "[type] <name> <IP|FQDN|URL>",
        description = "Source type (vmware), name and endpoint")
    private List<String> arguments;

    @Mixin private AnswerOptions options;

    private final CliContext context;

    /** The {@code source add} command. */
    public Add(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      Added added = EndpointCommands.added(SOURCE, arguments);
      String endpoint = added.endpoint();
      Terminal terminal = context.terminal();
      Answers given = options.read(terminal);

      String username =
          terminal.askUnless(
              given.username(),
              "Please enter username for endpoint '" + endpoint + "': ",
              "",
              Inputs::required);
      String password =
          given.password() != null
              ? given.password()
              : terminal.askPassword("Please enter password for endpoint '" + endpoint + "': ");
      int importLimit =
          EndpointCommands.askImportLimit(
              terminal, given.importLimit(), EndpointCommands.DEFAULT_IMPORT_LIMIT);
      GoDuration connectionTimeout =
          terminal.askUnless(
              given.connectionTimeout(),
              "Connection timeout for the source [default=" + DEFAULT_CONNECTION_TIMEOUT + "]: ",
              DEFAULT_CONNECTION_TIMEOUT,
              Inputs::timeout);
      GoDuration syncTimeout =
          terminal.askUnless(
              given.syncTimeout(),
              "VM import timeout for the source [default=" + DEFAULT_SYNC_TIMEOUT + "]: ",
              DEFAULT_SYNC_TIMEOUT,
              Inputs::timeout);
      List<String> datacenters =
          terminal.askUnless(
              given.datacenters(),
              "Comma-separated list of datacenters to import from [defaults to all datacenters]: ",
              "",
              Inputs::datacenters);

      ObjectNode properties = added.properties(given.fingerprint());
      properties.put("username", username);
      properties.put("password", password);
      properties.put("import_limit", importLimit);
      properties.put("connection_timeout", connectionTimeout.toString());
      properties.put("sync_timeout", syncTimeout.toString());
      properties.set("datacenters", Json.JSON.valueToTree(datacenters));
      added.register(context, SOURCE, properties);
    }
  }

  /**
   * {@code source list|ls [-f]}: {@code Name | Type | Endpoint | Connectivity Status | Syncing |
   * Username | Trusted TLS Cert SHA256 Fingerprint}.
   */
  @Command(name = "list", aliases = "ls", description = "List available sources")
  public static final class ListSources implements Runnable {

    private static final List<String> COLUMNS =
        List.of(
            "Name",
            "Type",
            "Endpoint",
            "Connectivity Status",
            "Syncing",
            "Username",
            "Trusted TLS Cert SHA256 Fingerprint");

    @Mixin private FormatOption format;

    private final CliContext context;

    /** The {@code source list} command. */
    public ListSources(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      EndpointCommands.list(context, format, SOURCE, COLUMNS, ListSources::row);
    }

    private static List<String> row(JsonNode source) {
      JsonNode properties = source.path("properties");
      return List.of(
          source.path("name").asText(),
          source.path("source_type").asText(),
          properties.path("endpoint").asText(),
          properties.path("connectivity_status").asText(),
          Boolean.toString(source.path("syncing").asBoolean()),
          properties.path("username").asText(),
          properties.path("trusted_server_certificate_fingerprint").asText());
    }
  }

  /** {@code source remove|rm <name>}: removes the source and its instances. */
  @Command(name = "remove", aliases = "rm", description = "Remove source")
  public static final class Remove implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the source")
    private String name;

    private final CliContext context;

    /** The {@code source remove} command. */
    public Remove(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      EndpointCommands.remove(context, SOURCE, name);
    }
  }

  /**
   * {@code source update <name>}: asks for every setting with the current value as default and
   * sends the result; the source may be renamed. The password is only sent when the authentication
   * is updated (the server keeps the stored one otherwise).
   */
  @Command(name = "update", description = "Update source")
  public static final class Update implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the source")
    private String name;

    @Option(names = "--name", paramLabel = "<new name>", description = "New name of the source")
    private String newName;

    @Option(names = "--endpoint", paramLabel = "<IP|FQDN|URL>", description = "New endpoint")
    private String endpoint;

    @Mixin private AnswerOptions options;

    private final CliContext context;

    /** The {@code source update} command. */
    public Update(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String givenName = Inputs.optionalFlag("--name", newName, Inputs::required);
      String givenEndpoint = Inputs.optionalFlag("--endpoint", endpoint, Inputs::endpoint);
      Terminal terminal = context.terminal();
      Answers given = options.read(terminal);

      Changes changes = Changes.begin(context, SOURCE, name, givenName, givenEndpoint);
      ObjectNode properties = changes.properties();

      boolean authGiven = given.username() != null || given.password() != null;
      if (changes.updatesAuthentication(authGiven)) {
        String currentUser = properties.path("username").asText();
        properties.put(
            "username",
            given.username() != null
                ? given.username()
                : authGiven
                    ? currentUser
                    : terminal.ask(
                        "Username: [default=" + currentUser + "]: ",
                        currentUser,
                        Inputs::required));
        if (given.password() != null || !authGiven) {
          properties.put(
              "password",
              given.password() != null ? given.password() : terminal.askPassword("Password: "));
        }
      }

      changes.askImportLimit(given.importLimit());
      changes.askTimeout(
          "connection_timeout", given.connectionTimeout(), "Connection timeout for the source");
      changes.askTimeout("sync_timeout", given.syncTimeout(), "VM import timeout for the source");
      List<String> currentDatacenters = new ArrayList<>();
      properties.path("datacenters").forEach(dc -> currentDatacenters.add(dc.asText()));
      String joined = String.join(",", currentDatacenters);
      properties.set(
          "datacenters",
          Json.JSON.valueToTree(
              terminal.askUnless(
                  given.datacenters(),
                  "Comma-separated list of datacenters to import from [default=" + joined + "]: ",
                  joined,
                  Inputs::datacenters)));
      changes.askFingerprint(given.fingerprint());
      changes.send();
    }
  }

  /** {@code source sync <name>}: imports the source's inventory now. */
  @Command(name = "sync", description = "Sync the inventory of a source now")
  public static final class Sync implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the source")
    private String name;

    private final CliContext context;

    /** The {@code source sync} command. */
    public Sync(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      context.post(SOURCE.path(name) + "/:sync", "synced source " + Inputs.quote(name));
    }
  }
}
