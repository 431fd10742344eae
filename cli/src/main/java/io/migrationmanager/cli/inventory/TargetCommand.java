package io.migrationmanager.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationmanager.api.GoDuration;
import io.migrationmanager.api.Target;
import io.migrationmanager.cli.CliContext;
import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.CommandGroup;
import io.migrationmanager.cli.Terminal;
import io.migrationmanager.cli.inventory.EndpointCommands.Added;
import io.migrationmanager.cli.inventory.EndpointCommands.Changes;
import io.migrationmanager.cli.inventory.EndpointCommands.Kind;
import io.migrationmanager.cli.output.FormatOption;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code target}: the Incus servers or clusters instances are migrated to (spec §5.2). Targets
 * authenticate with a TLS client certificate; OIDC, which the original offers as well, is not
 * supported. {@code add} and {@code update} ask the original's questions; every answer can also be
 * given as a flag, and only what no flag gives is asked.
 */
@Command(
    name = "target",
    description = "Interact with migration targets",
    subcommands = {
      TargetCommand.Add.class,
      TargetCommand.ListTargets.class,
      TargetCommand.Remove.class,
      TargetCommand.Update.class
    })
public final class TargetCommand extends CommandGroup {

  private static final Kind TARGET = new Kind("target", Target.TYPE_INCUS);
  private static final String DEFAULT_CREATE_LIMIT = "10";
  private static final String DEFAULT_CONNECTION_TIMEOUT = "5m0s";
  private static final String AUTH_TLS = "tls";

  /** The {@code target} command group. */
  public TargetCommand(CliContext context) {
    super(context);
  }

  /** The answers of {@code target add} and {@code target update} given as flags. */
  public static final class AnswerOptions {

    @Option(
        names = "--import-limit",
        paramLabel = "<n>",
        description = "How many instances can be concurrently imported (0-1024, 0 = unlimited)")
    private String importLimit;

    @Option(
        names = "--create-limit",
        paramLabel = "<n>",
        description = "How many instances can be concurrently created (0-1024, 0 = unlimited)")
    private String createLimit;

    @Option(
        names = "--connection-timeout",
        paramLabel = "<duration>",
        description = "Timeout for connecting to the target, e.g. 5m")
    private String connectionTimeout;

    @Option(
        names = "--tls-client-cert",
        paramLabel = "<file>",
        description = "PEM file with the client certificate to authenticate with")
    private String clientCert;

    @Option(
        names = "--tls-client-key",
        paramLabel = "<file>",
        description = "PEM file with the key of the client certificate")
    private String clientKey;

    @Option(
        names = "--trusted-cert-fingerprint",
        paramLabel = "<fp>",
        description = "Trusted SHA256 fingerprint of the target's TLS certificate")
    private String fingerprint;

    /** The flags, checked; certificate and key files are read. */
    Answers read() {
      return new Answers(
          Inputs.optionalFlag("--import-limit", importLimit, Inputs::limit),
          Inputs.optionalFlag("--create-limit", createLimit, Inputs::limit),
          Inputs.optionalFlag("--connection-timeout", connectionTimeout, Inputs::timeout),
          Inputs.optionalFlag("--tls-client-cert", clientCert, Inputs::certificateFile),
          Inputs.optionalFlag("--tls-client-key", clientKey, Inputs::keyFile),
          Inputs.optionalFlag("--trusted-cert-fingerprint", fingerprint, Inputs::fingerprint));
    }
  }

  /** Validated flag values; {@code null} where the flag was not given. PEM texts, not paths. */
  record Answers(
      Integer importLimit,
      Integer createLimit,
      GoDuration connectionTimeout,
      String clientCert,
      String clientKey,
      String fingerprint) {

    boolean credentialsGiven() {
      return clientCert != null || clientKey != null;
    }
  }

  /**
   * Sets {@code tls_client_cert} and {@code tls_client_key} of {@code properties}: from the flags,
   * else asks for the authentication method (only {@code tls} is accepted) and the two files.
   */
  private static void askCredentials(Terminal terminal, Answers given, ObjectNode properties) {
    if (!given.credentialsGiven()) {
      terminal.ask(
          "Use OIDC or TLS certificates to authenticate to target? [default=tls]: ",
          AUTH_TLS,
          TargetCommand::authType);
    }
    properties.put(
        "tls_client_cert",
        terminal.askUnless(
            given.clientCert(),
            "Please enter the absolute path to client TLS certificate: ",
            "",
            Inputs::certificateFile));
    properties.put(
        "tls_client_key",
        terminal.askUnless(
            given.clientKey(),
            "Please enter the absolute path to client TLS key: ",
            "",
            Inputs::keyFile));
  }

  private static String authType(String answer) {
    switch (answer.toLowerCase(Locale.ROOT)) {
      case AUTH_TLS:
        return AUTH_TLS;
      case "oidc":
        throw new CliException(
            "OIDC authentication to targets is not supported, use TLS certificates (tls)");
      default:
        throw new CliException("must be \"tls\"");
    }
  }

  /**
   * {@code target add [incus] <name> <IP|FQDN|URL>}: asks for the limits, the timeout and the
   * client certificate, and registers the target.
   */
  @Command(
      name = "add",
      description = "Add a new target",
      footer = {
        "",
        "The \"type\" argument is optional and defaults to \"incus\". A bare IP address or host"
            + " name becomes https://<host>. Targets authenticate with a TLS client certificate;"
            + " OIDC is not supported. Questions answered by flags are not asked."
      })
  public static final class Add implements Runnable {

    @Parameters(
        arity = "2..3",
        hideParamSyntax = true,
        paramLabel = "[type] <name> <IP|FQDN|URL>",
        description = "Target type (incus), name and endpoint")
    private List<String> arguments;

    @Mixin private AnswerOptions options;

    private final CliContext context;

    /** The {@code target add} command. */
    public Add(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      Added added = EndpointCommands.added(TARGET, arguments);
      Answers given = options.read();
      Terminal terminal = context.terminal();

      ObjectNode properties = added.properties(given.fingerprint());
      properties.put(
          "import_limit",
          EndpointCommands.askImportLimit(
              terminal, given.importLimit(), EndpointCommands.DEFAULT_IMPORT_LIMIT));
      properties.put(
          "create_limit",
          terminal.askUnless(
              given.createLimit(),
              "How many instances can be concurrently created? [default="
                  + DEFAULT_CREATE_LIMIT
                  + "]: ",
              DEFAULT_CREATE_LIMIT,
              Inputs::limit));
      properties.put(
          "connection_timeout",
          terminal
              .askUnless(
                  given.connectionTimeout(),
                  "Specify the timeout for connecting to the target [default="
                      + DEFAULT_CONNECTION_TIMEOUT
                      + "]: ",
                  DEFAULT_CONNECTION_TIMEOUT,
                  Inputs::timeout)
              .toString());
      askCredentials(terminal, given, properties);
      added.register(context, TARGET, properties);
    }
  }

  /**
   * {@code target list|ls [-f]}: {@code Name | Type | Endpoint | Connectivity Status | Auth Type |
   * Trusted TLS Cert SHA256 Fingerprint}; the auth type is {@code TLS} when a client certificate is
   * set ({@code OIDC} otherwise, as the original shows it).
   */
  @Command(name = "list", aliases = "ls", description = "List available targets")
  public static final class ListTargets implements Runnable {

    private static final List<String> COLUMNS =
        List.of(
            "Name",
            "Type",
            "Endpoint",
            "Connectivity Status",
            "Auth Type",
            "Trusted TLS Cert SHA256 Fingerprint");

    @Mixin private FormatOption format;

    private final CliContext context;

    /** The {@code target list} command. */
    public ListTargets(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      EndpointCommands.list(context, format, TARGET, COLUMNS, ListTargets::row);
    }

    private static List<String> row(JsonNode target) {
      JsonNode properties = target.path("properties");
      return List.of(
          target.path("name").asText(),
          target.path("target_type").asText(),
          properties.path("endpoint").asText(),
          properties.path("connectivity_status").asText(),
          properties.path("tls_client_cert").asText().isEmpty() ? "OIDC" : "TLS",
          properties.path("trusted_server_certificate_fingerprint").asText());
    }
  }

  /** {@code target remove|rm <name>}. */
  @Command(name = "remove", aliases = "rm", description = "Remove target")
  public static final class Remove implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the target")
    private String name;

    private final CliContext context;

    /** The {@code target remove} command. */
    public Remove(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      EndpointCommands.remove(context, TARGET, name);
    }
  }

  /**
   * {@code target update <name>}: asks for every setting with the current value as default and
   * sends the result; the target may be renamed. The client key is only sent when the
   * authentication is updated (the server keeps the stored one otherwise).
   */
  @Command(name = "update", description = "Update target")
  public static final class Update implements Runnable {

    @Parameters(index = "0", paramLabel = "<name>", description = "Name of the target")
    private String name;

    @Option(names = "--name", paramLabel = "<new name>", description = "New name of the target")
    private String newName;

    @Option(names = "--endpoint", paramLabel = "<IP|FQDN|URL>", description = "New endpoint")
    private String endpoint;

    @Mixin private AnswerOptions options;

    private final CliContext context;

    /** The {@code target update} command. */
    public Update(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String givenName = Inputs.optionalFlag("--name", newName, Inputs::required);
      String givenEndpoint = Inputs.optionalFlag("--endpoint", endpoint, Inputs::endpoint);
      Answers given = options.read();
      Terminal terminal = context.terminal();

      Changes changes = Changes.begin(context, TARGET, name, givenName, givenEndpoint);
      ObjectNode properties = changes.properties();
      changes.askImportLimit(given.importLimit());
      String currentCreateLimit = Integer.toString(properties.path("create_limit").asInt());
      properties.put(
          "create_limit",
          terminal.askUnless(
              given.createLimit(),
              "How many instances can be concurrently created? [default="
                  + currentCreateLimit
                  + "]: ",
              currentCreateLimit,
              Inputs::limit));
      changes.askTimeout(
          "connection_timeout",
          given.connectionTimeout(),
          "Specify the timeout for connecting to the target");
      if (changes.updatesAuthentication(given.credentialsGiven())) {
        askCredentials(terminal, given, properties);
      }
      changes.askFingerprint(given.fingerprint());
      changes.send();
    }
  }
}
