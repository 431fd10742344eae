package io.migrationmanager.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migrationmanager.api.GoDuration;
import io.migrationmanager.cli.CliContext;
import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.Json;
import io.migrationmanager.cli.Terminal;
import io.migrationmanager.cli.output.FormatOption;
import io.migrationmanager.cli.transport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What {@code source} and {@code target} have in common: both register an endpoint of one type
 * under a name, and {@code add}, {@code list}, {@code remove} and {@code update} work alike, with
 * the same questions for the settings both have (endpoint, import limit, connection timeout,
 * trusted certificate fingerprint).
 */
final class EndpointCommands {

  /** What {@code add} proposes as import limit, for sources and targets alike. */
  static final String DEFAULT_IMPORT_LIMIT = "50";

  private EndpointCommands() {}

  /**
   * Sources or targets.
   *
   * @param word {@code source} or {@code target}, as messages name them
   * @param type the only type the client registers ({@code vmware}, {@code incus})
   */
  record Kind(String word, String type) {

    /** {@code sources} or {@code targets}: the API collection. */
    String collection() {
      return word + "s";
    }

    /** The API path of the source or target {@code name}. */
    String path(String name) {
      return ApiClient.path(collection(), name);
    }

    /** {@code source_type} or {@code target_type}. */
    String typeField() {
      return word + "_type";
    }
  }

  /**
   * The name and endpoint given to {@code <kind> add [type] <name> <IP|FQDN|URL>}.
   *
   * @throws CliException {@code Unsupported <kind> type "<type>"; must be one of ["<type>"]} for
   *     any type but the kind's
   */
  static Added added(Kind kind, List<String> arguments) {
    boolean typed = arguments.size() == 3;
    if (typed && !arguments.get(0).toLowerCase(Locale.ROOT).equals(kind.type())) {
      throw new CliException(
          "Unsupported "
              + kind.word()
              + " type "
              + Inputs.quote(arguments.get(0))
              + "; must be one of ["
              + Inputs.quote(kind.type())
              + "]");
    }
    String name = arguments.get(typed ? 1 : 0);
    String endpoint = Inputs.flag("endpoint", arguments.get(typed ? 2 : 1), Inputs::endpoint);
    return new Added(name, endpoint);
  }

  /** The name and the checked endpoint of a new source or target. */
  record Added(String name, String endpoint) {

    /**
     * The properties of the new source or target so far: the endpoint, and the trusted
     * fingerprint when one is given.
     */
    ObjectNode properties(String fingerprint) {
      ObjectNode properties = Json.JSON.createObjectNode();
      properties.put("endpoint", endpoint);
      if (fingerprint != null && !fingerprint.isEmpty()) {
        properties.put("trusted_server_certificate_fingerprint", fingerprint);
      }
      return properties;
    }

    /** Registers the source or target and reports the outcome of its connectivity check. */
    void register(CliContext context, Kind kind, ObjectNode properties) {
      ObjectNode body = Json.JSON.createObjectNode();
      body.put("name", name);
      body.put(kind.typeField(), kind.type());
      body.set("properties", properties);
      ConnectivityReport.report(
          context.terminal(),
          "added new",
          kind.word(),
          name,
          context.api().post(kind.collection(), body));
    }
  }

  /** The import limit: the flag's, or asked with {@code defaultLimit} as default. */
  static int askImportLimit(Terminal terminal, Integer given, String defaultLimit) {
    return terminal.askUnless(
        given,
        "How many instances can be concurrently imported? [default=" + defaultLimit + "]: ",
        defaultLimit,
        Inputs::limit);
  }

  /** {@code <kind> list}: one row per source or target, in the chosen format. */
  static void list(
      CliContext context,
      FormatOption format,
      Kind kind,
      List<String> columns,
      Function<JsonNode, List<String>> row) {
    JsonNode all = context.api().get(kind.collection() + "?recursion=1");
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode one : all) {
      rows.add(row.apply(one));
    }
    context.terminal().out().print(format.renderer().render(columns, rows, all));
  }

  /** {@code <kind> remove <name>}. */
  static void remove(CliContext context, Kind kind, String name) {
    context.delete(kind.path(name), "removed " + kind.word() + " " + Inputs.quote(name));
  }

  /**
   * {@code <kind> update <name>} under way: the current source or target, its properties as they
   * will be sent, and the new name. The settings are asked with the current values as defaults.
   */
  static final class Changes {
    private final CliContext context;
    private final Kind kind;
    private final String name;
    private final JsonNode current;
    private final ObjectNode properties;
    private final String updatedName;

    private Changes(
        CliContext context,
        Kind kind,
        String name,
        JsonNode current,
        ObjectNode properties,
        String updatedName) {
      this.context = context;
      this.kind = kind;
      this.name = name;
      this.current = current;
      this.properties = properties;
      this.updatedName = updatedName;
    }

    /**
     * Reads the source or target {@code name} and asks for its new name ({@code <Kind> name
     * [default=<name>]: }) and endpoint, unless {@code givenName} and {@code givenEndpoint} give
     * them.
     */
    static Changes begin(
        CliContext context, Kind kind, String name, String givenName, String givenEndpoint) {
      Terminal terminal = context.terminal();
      JsonNode current = context.api().get(kind.path(name));
      ObjectNode properties =
          current.path("properties").isObject()
              ? ((ObjectNode) current.path("properties")).deepCopy()
              : Json.JSON.createObjectNode();
      String currentName = current.path("name").asText(name);
      String label = kind.word().substring(0, 1).toUpperCase(Locale.ROOT) + kind.word().substring(1);
      String updatedName =
          terminal.askUnless(
              givenName,
              label + " name [default=" + currentName + "]: ",
              currentName,
              Inputs::required);
      String currentEndpoint = properties.path("endpoint").asText();
      properties.put(
          "endpoint",
          terminal.askUnless(
              givenEndpoint,
              "Endpoint [default=" + currentEndpoint + "]: ",
              currentEndpoint,
              Inputs::endpoint));
      return new Changes(context, kind, name, current, properties, updatedName);
    }

    /** The properties to send, changed by the questions asked so far. */
    ObjectNode properties() {
      return properties;
    }

    /** Whether to update the authentication: when a flag gives some of it, or the user says so. */
    boolean updatesAuthentication(boolean given) {
      return given
          || context
              .terminal()
              .askBool("Update configured authentication? (yes/no) [default=no]: ", false);
    }

    /** Sets {@code import_limit}: the flag's, or asked with the current limit as default. */
    void askImportLimit(Integer given) {
      String currentLimit = Integer.toString(properties.path("import_limit").asInt());
      properties.put(
          "import_limit", EndpointCommands.askImportLimit(context.terminal(), given, currentLimit));
    }

    /**
     * Sets the Go duration {@code field}: the flag's, or asked as {@code <question>
     * [default=<current value>]: }.
     */
    void askTimeout(String field, GoDuration given, String question) {
      String currentTimeout = Inputs.goDuration(properties.path(field).asText());
      properties.put(
          field,
          context
              .terminal()
              .askUnless(
                  given,
                  question + " [default=" + currentTimeout + "]: ",
                  currentTimeout,
                  Inputs::timeout)
              .toString());
    }

    /** Sets {@code trusted_server_certificate_fingerprint}: the flag's, or asked. */
    void askFingerprint(String given) {
      String currentFingerprint =
          properties.path("trusted_server_certificate_fingerprint").asText();
      properties.put(
          "trusted_server_certificate_fingerprint",
          context
              .terminal()
              .askUnless(
                  given,
                  "Manually-set trusted TLS cert SHA256 fingerprint [" + currentFingerprint + "]: ",
                  currentFingerprint,
                  Inputs::fingerprint));
    }

    /** Sends the update and reports the outcome of the connectivity check. */
    void send() {
      ObjectNode update = Json.JSON.createObjectNode();
      update.put("name", updatedName);
      update.put(kind.typeField(), current.path(kind.typeField()).asText(kind.type()));
      update.set("properties", properties);
      ConnectivityReport.report(
          context.terminal(),
          "updated",
          kind.word(),
          updatedName,
          context.api().put(kind.path(name), update, null));
    }
  }
}
