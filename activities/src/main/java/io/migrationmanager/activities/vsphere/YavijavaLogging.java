package io.migrationmanager.activities.vsphere;

import org.slf4j.LoggerFactory;

/**
 * yavijava logs an ERROR with a stack trace for every SOAP fault, even for faults the caller
 * handles (a rejected login, a missing file). Those faults reach us as exceptions and are reported
 * there, so its SOAP client logger is switched off when Logback is the logging backend (as in the
 * service and the tests).
 */
final class YavijavaLogging {
  private static final String SOAP_CLIENT_LOGGER = "com.vmware.vim25.ws.WSClient";

  private YavijavaLogging() {}

  static void quietSoapFaults() {
    if (LoggerFactory.getILoggerFactory().getClass().getName().startsWith("ch.qos.logback.")) {
      Logback.off(SOAP_CLIENT_LOGGER);
    }
  }

  /** Only loaded when Logback is present. */
  private static final class Logback {
    static void off(String name) {
      if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
        logger.setLevel(ch.qos.logback.classic.Level.OFF);
      }
    }
  }
}
