package io.migrationmanager.cli.inventory;

import io.migrationmanager.api.GoDuration;
import io.migrationmanager.cli.CliException;
import io.migrationmanager.cli.Terminal.AnswerParser;
import io.migrationmanager.domain.error.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parsing and validation of what the inventory commands take as prompt answers and flags. Every
 * parser rejects a value with a {@link CliException} whose message is the reason only (shown after
 * {@code Invalid input: } at a prompt); {@link #flag} words it for a flag. Everything is checked
 * before a request is sent. {@link #uuid} and {@link #quote} serve the batch and queue commands as
 * well.
 */
public final class Inputs {

  /** The largest import or create limit the original accepts. */
  static final int MAX_LIMIT = 1024;

  private static final Pattern FINGERPRINT = Pattern.compile("^[0-9a-f]{64}$");
  private static final Pattern UUID =
      Pattern.compile("^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$");
  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN ([A-Z0-9]+ )?PRIVATE KEY-----");

  private Inputs() {}

  /**
   * The value of flag {@code name}, parsed; a rejected value fails with {@code Invalid <name>
   * "<value>": <reason>}.
   */
  static <T> T flag(String name, String value, AnswerParser<T> parser) {
    try {
      return parser.parse(value);
    } catch (CliException e) {
      throw new CliException("Invalid " + name + " " + quote(value) + ": " + e.getMessage(), e);
    }
  }

  /** Like {@link #flag}, but {@code null} (the flag was not given) stays {@code null}. */
  static <T> T optionalFlag(String name, String value, AnswerParser<T> parser) {
    return value == null ? null : flag(name, value, parser);
  }

  /** A concurrency limit, 0 (unlimited) to {@value #MAX_LIMIT}. */
  static int limit(String text) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 0 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below like an out-of-range number.
    }
    throw new CliException("must be a number between 0 and " + MAX_LIMIT);
  }

  /** A timeout in Go duration syntax ({@code 10m}, {@code 1h30m}), greater than zero. */
  static GoDuration timeout(String text) {
    GoDuration duration;
    try {
      duration = GoDuration.parse(text.strip());
    } catch (ValidationException e) {
      duration = GoDuration.ZERO;
    }
    if (duration.isZero()) {
      throw new CliException("must be a positive duration such as 10m0s, 1h30m or 10s");
    }
    return duration;
  }

  /**
   * A duration from the server as Go prints it ({@code 10m0s} for {@code 10m}), the default of a
   * prompt; text that does not parse is kept as it is.
   */
  static String goDuration(String text) {
    try {
      return GoDuration.parse(text).toString();
    } catch (ValidationException e) {
      return text;
    }
  }

  /**
   * A trusted certificate fingerprint: SHA-256 as 64 hexadecimal digits, in any case and optionally
   * separated by {@code :}; returned in lower case without separators. Empty means none.
   */
  static String fingerprint(String text) {
    String fingerprint = text.strip().replace(":", "").toLowerCase(Locale.ROOT);
    if (!fingerprint.isEmpty() && !FINGERPRINT.matcher(fingerprint).matches()) {
      throw new CliException(
          "must be a SHA256 fingerprint of 64 hexadecimal digits, optionally separated by \":\"");
    }
    return fingerprint;
  }

  /** A value that must not be empty, such as a user name. */
  static String required(String text) {
    if (text.isBlank()) {
      throw new CliException("must not be empty");
    }
    return text.strip();
  }

  /**
   * An endpoint: a URL, or an IP address or host name (optionally with a port) which becomes {@code
   * https://<host>}.
   */
  static String endpoint(String text) {
    String endpoint = text.strip();
    if (!endpoint.contains("://")) {
      boolean bareIpv6 =
          !endpoint.startsWith("[") && endpoint.indexOf(':') != endpoint.lastIndexOf(':');
      endpoint = "https://" + (bareIpv6 ? "[" + endpoint + "]" : endpoint);
    }
    try {
      URI uri = new URI(endpoint);
      if (uri.getScheme() != null && uri.getHost() != null) {
        return endpoint;
      }
    } catch (URISyntaxException e) {
      // Reported below.
    }
    throw new CliException("must be an IP address, a host name or a URL");
  }

  /** A comma-separated list of datacenter paths; empty entries are dropped, empty means all. */
  static List<String> datacenters(String text) {
    List<String> datacenters = new ArrayList<>();
    for (String entry : text.split(",")) {
      if (!entry.isBlank()) {
        datacenters.add(entry.strip());
      }
    }
    return datacenters;
  }

  /**
   * A UUID given as an argument (an instance, network, warning or queue entry), checked before it
   * goes into a request path; {@code Invalid <what> UUID "<text>"} otherwise.
   */
  public static String uuid(String what, String text) {
    if (!UUID.matcher(text).matches()) {
      throw new CliException("Invalid " + what + " UUID " + quote(text));
    }
    return text;
  }

  /** The PEM text of a client certificate file. */
  static String certificateFile(String path) {
    String pem = readFile(path);
    if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
      throw new CliException("the file does not contain a PEM certificate");
    }
    return pem;
  }

  /** The PEM text of a client key file. */
  static String keyFile(String path) {
    String pem = readFile(path);
    if (!PRIVATE_KEY.matcher(pem).find()) {
      throw new CliException("the file does not contain a PEM private key");
    }
    return pem;
  }

  private static String readFile(String path) {
    if (path.isBlank()) {
      throw new CliException("must not be empty");
    }
    try {
      return Files.readString(Path.of(path.strip()));
    } catch (NoSuchFileException e) {
      throw new CliException("no such file", e);
    } catch (AccessDeniedException e) {
      throw new CliException("permission denied", e);
    } catch (IOException e) {
      throw new CliException("cannot read the file: " + e.getMessage(), e);
    }
  }

  /** {@code text} in double quotes, with quotes and backslashes escaped, as Go's {@code %q}. */
  public static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
