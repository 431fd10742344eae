package io.migrationmanager.activities.vsphere;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest OS details VMware Tools publish in the VM's {@code guestInfo.detailed.data} extraConfig
 * entry, e.g. {@code architecture='X86' bitness='64' distroName='Debian GNU/Linux'
 * prettyName='Debian GNU/Linux 12 (bookworm)'}.
 */
record GuestDetails(String architecture, String distroName, String prettyName) {
  /** The extraConfig key (vSphere 8, VMware Tools 11+). */
  static final String EXTRA_CONFIG_KEY = "guestInfo.detailed.data";

  static final GuestDetails NONE = new GuestDetails("", "", "");

  private static final Pattern FIELD = Pattern.compile("(\\w+)='((?:[^'\\\\]|\\\\.)*)'");

  static GuestDetails parse(String data) {
    if (data == null || data.isBlank()) {
      return NONE;
    }
    Map<String, String> fields = new HashMap<>();
    Matcher m = FIELD.matcher(data);
    while (m.find()) {
      fields.put(m.group(1), m.group(2).replaceAll("\\\\(.)", "$1"));
    }
    return new GuestDetails(
        architecture(fields.getOrDefault("architecture", ""), fields.getOrDefault("bitness", "")),
        fields.getOrDefault("distroName", ""),
        fields.getOrDefault("prettyName", ""));
  }

  /**
   * {@code X86}/64 is x86_64, X86/32 i686, Arm/64 aarch64, Arm/32 armv8l; anything else is unknown
   * (empty).
   */
  static String architecture(String architecture, String bitness) {
    return switch (architecture) {
      case "X86" -> bitness.equals("32") ? "i686" : "x86_64";
      case "Arm" -> bitness.equals("64") ? "aarch64" : "armv8l";
      default -> "";
    };
  }
}
