package io.migrationmanager.activities.vsphere;

import io.migrationmanager.domain.error.ValidationException;

/**
 * A datastore path such as {@code [datastore-01] CentOS9/CentOS9.vmdk}.
 *
 * @param datastore the datastore name
 * @param path the path within the datastore, without a leading slash
 */
record DatastorePath(String datastore, String path) {

  static DatastorePath parse(String text) {
    String s = text == null ? "" : text.trim();
    int close = s.indexOf(']');
    if (!s.startsWith("[") || close < 0) {
      throw new ValidationException("Invalid datastore path " + GoStrings.quote(s));
    }
    String rest = s.substring(close + 1).trim();
    while (rest.startsWith("/")) {
      rest = rest.substring(1);
    }
    return new DatastorePath(s.substring(1, close), rest);
  }

  /** The folder to search, e.g. {@code [datastore-01] CentOS9}. */
  String folder() {
    int slash = path.lastIndexOf('/');
    return "[" + datastore + "]" + (slash < 0 ? "" : " " + path.substring(0, slash));
  }

  /** The file name, e.g. {@code CentOS9.vmdk}. */
  String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return "[" + datastore + "] " + path;
  }
}
