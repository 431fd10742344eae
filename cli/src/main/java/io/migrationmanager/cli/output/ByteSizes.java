package io.migrationmanager.cli.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Byte sizes in IEC units as Incus' {@code units.GetByteSizeStringIEC(value, 2)} prints them:
 * values below 1024 as whole bytes ({@code 100B}), larger ones divided by 1024 until below 1024 and
 * printed with two decimals ({@code 512.00MiB}, {@code 4.00GiB}), up to {@code EiB}.
 */
public final class ByteSizes {

  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private ByteSizes() {}

  /** {@code bytes} with two decimals in the largest fitting IEC unit. */
  public static String iec(long bytes) {
    if (bytes < 1024) {
      return bytes + "B";
    }
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return twoDecimals(value) + UNITS[unit];
  }

  /** Like Go's {@code %.2f}: the exact binary value rounded half to even. */
  private static String twoDecimals(double value) {
    return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
