package io.migrationmanager.server.resources;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** List endpoints: URLs of the members, or the members themselves with {@code ?recursion=1}. */
final class Lists {
  private Lists() {}

  static <T> Object of(int recursion, String collection, List<T> items, Function<T, String> id) {
    if (recursion >= 1) {
      return items;
    }
    return items.stream().map(i -> collection + "/" + encode(id.apply(i))).toList();
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
