package io.migrationmanager.domain.instance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives an instance's OS type, distribution and distribution version from what the source
 * reported (spec §2.4.2). Pure functions of {@link InstanceProperties}; overrides ({@code os_type},
 * {@code distribution}, {@code distribution_version}) are applied by the caller on top of these
 * values.
 */
public final class OsClassifier {
  public static final String OS_WINDOWS = "windows";
  public static final String OS_LINUX = "linux";
  public static final String OS_BSD = "bsd";
  public static final String OS_FORTIGATE = "fortigate";

  /** The OS types an instance or override may have. */
  public static final List<String> OS_TYPES = List.of(OS_WINDOWS, OS_LINUX, OS_BSD, OS_FORTIGATE);

  public static final String DISTRIBUTION_OTHER = "other";
  public static final String DISTRIBUTION_UBUNTU = "ubuntu";
  public static final String DISTRIBUTION_FREEBSD = "freebsd";

  /** The distributions an instance or override may have. */
  public static final List<String> DISTRIBUTIONS =
      List.of(
          "alma",
          "arch",
          "debian",
          DISTRIBUTION_UBUNTU,
          "oracle",
          "centos",
          "rhel",
          "suse",
          "rocky",
          "amazon",
          "fedora",
          DISTRIBUTION_FREEBSD,
          DISTRIBUTION_OTHER);

  /** The Windows versions Migration Manager can convert, as {@code distribution_version} values. */
  public static final List<String> WINDOWS_VERSIONS =
      List.of(
          "10",
          "11",
          "Server 2003",
          "Server 2008",
          "Server 2008 R2",
          "Server 2012",
          "Server 2012 R2",
          "Server 2016",
          "Server 2019",
          "Server 2022",
          "Server 2025");

  private static final Map<String, List<String>> WINDOWS_ALIASES =
      Map.of(
          "Server 2008 R2", List.of("Server R2 2008"), "Server 2012 R2", List.of("Server R2 2012"));

  /**
   * Linux distributions by case-insensitive markers in the OS description; the first match wins.
   */
  private static final List<Map.Entry<String, Predicate<String>>> LINUX_DISTRIBUTIONS =
      List.of(
          Map.entry("centos", s -> s.contains("centos")),
          Map.entry("debian", s -> s.contains("debian")),
          Map.entry(
              "suse", s -> s.contains("opensuse") || s.startsWith("suse") || s.contains("sles")),
          Map.entry("oracle", s -> s.contains("oracle")),
          Map.entry("rocky", s -> s.contains("rocky")),
          Map.entry("amazon", s -> s.contains("amazon")),
          Map.entry("alma", s -> s.contains("alma")),
          Map.entry("fedora", s -> s.contains("fedora")),
          Map.entry(
              "rhel",
              s ->
                  s.contains("rhel")
                      || s.contains("redhat")
                      || s.contains("red-hat")
                      || s.contains("red hat")),
          Map.entry(
              "arch",
              s -> s.contains("archlinux") || s.contains("arch linux") || s.contains("arch-linux")),
          Map.entry(DISTRIBUTION_UBUNTU, s -> s.contains("ubuntu")));

  /** The major version of most distributions. */
  private static final Pattern MAJOR_VERSION =
      Pattern.compile("^[\\w /]+?(\\d+)(\\.\\d+)?(\\.\\d+)?( \\([\\w /]+\\))?( \\(64-bit\\))?");

  /** Ubuntu's YY.MM release. */
  private static final Pattern UBUNTU_VERSION =
      Pattern.compile("^[\\w ]+?(\\d+\\.\\d+)?(\\.\\d+)?( LTS)?$");

  private static final Pattern UBUNTU_RELEASE = Pattern.compile("\\d{2}\\.\\d{2}");

  private OsClassifier() {}

  /**
   * {@code windows} when the OS name ({@code os}, else {@code os_template}) mentions Windows,
   * {@code fortigate} when the description starts with {@code FortiGate}, {@code bsd} when the OS
   * name mentions BSD, else {@code linux}.
   */
  public static String osType(InstanceProperties props) {
    String osName = lower(props.os().isEmpty() ? props.osTemplate() : props.os());
    if (osName.contains("windows")) {
      return OS_WINDOWS;
    }
    if (props.description().startsWith("FortiGate")) {
      return OS_FORTIGATE;
    }
    if (osName.contains("bsd")) {
      return OS_BSD;
    }
    return OS_LINUX;
  }

  /** The distribution (one of {@link #DISTRIBUTIONS}); {@code other} when none is recognised. */
  public static String distribution(InstanceProperties props) {
    String version = lower(osDescription(props));
    return switch (osType(props)) {
      case OS_BSD -> version.contains("freebsd") ? DISTRIBUTION_FREEBSD : DISTRIBUTION_OTHER;
      case OS_LINUX ->
          LINUX_DISTRIBUTIONS.stream()
              .filter(d -> d.getValue().test(version))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(DISTRIBUTION_OTHER);
      default -> DISTRIBUTION_OTHER;
    };
  }

  /**
   * The distribution version: a Windows version key for Windows, {@code YY.MM} for Ubuntu, the
   * major version number for other recognised distributions; empty when it cannot be determined.
   */
  public static String distributionVersion(InstanceProperties props) {
    String description = osDescription(props);
    return switch (osType(props)) {
      case OS_WINDOWS -> windowsVersion(description).orElse("");
      case OS_FORTIGATE -> "";
      default -> {
        String distribution = distribution(props);
        if (distribution.equals(DISTRIBUTION_OTHER)) {
          yield "";
        }
        if (distribution.equals(DISTRIBUTION_UBUNTU)) {
          String release = group(UBUNTU_VERSION.matcher(description));
          yield UBUNTU_RELEASE.matcher(release).matches() ? release : "";
        }
        yield group(MAJOR_VERSION.matcher(description));
      }
    };
  }

  /**
   * The Windows version key that an OS description such as {@code Windows Server 2016, 64-bit
   * (Build 14393)} names; keys other than {@code Server ...} are matched as {@code Windows <key>}.
   */
  public static Optional<String> windowsVersion(String description) {
    boolean r2 = description.contains(" R2");
    for (String version : WINDOWS_VERSIONS) {
      String compare = version.startsWith("Server ") ? version : "Windows " + version;
      if (r2 && !compare.endsWith(" R2")) {
        continue;
      }
      if (description.contains(compare)
          || WINDOWS_ALIASES.getOrDefault(version, List.of()).stream()
              .anyMatch(description::contains)) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }

  /** The OS description the version is read from: {@code os_version}, else {@code os_template}. */
  private static String osDescription(InstanceProperties props) {
    return props.osVersion().isEmpty() ? props.osTemplate() : props.osVersion();
  }

  private static String group(Matcher m) {
    return m.find() && m.group(1) != null ? m.group(1) : "";
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
