package io.migrationmanager.activities.vsphere;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags through vCenter's REST API ({@code /rest/com/vmware/cis/...}): a session, the attached tags
 * of many VMs per {@code list-attached-tags-on-objects} call, and each distinct tag and category
 * looked up once. TLS trust is the SOAP connection's.
 */
final class VsphereRestTags implements VsphereTags {
  private static final Logger LOG = LoggerFactory.getLogger(VsphereRestTags.class);
  private static final String SESSION_HEADER = "vmware-api-session-id";

  /** VMs per {@code list-attached-tags-on-objects} request. */
  static final int BATCH = 500;

  private final ObjectMapper json = new ObjectMapper();
  private final URI base;
  private final SSLSocketFactory socketFactory;
  private final HostnameVerifier hostnameVerifier;
  private final Duration timeout;
  private final String session;

  private VsphereRestTags(
      VsphereConnection connection, Duration timeout, String username, String password)
      throws IOException {
    this.base = connection.endpoint().resolve("/rest/com/vmware/cis/");
    this.socketFactory = VsphereTls.socketFactory(connection.trust());
    this.hostnameVerifier = VsphereTls.hostnameVerifier(connection.trust());
    this.timeout = timeout;
    String credentials =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    JsonNode reply = call("POST", "session", null, Map.of("Authorization", "Basic " + credentials));
    this.session = reply.path("value").asText();
    if (session.isEmpty()) {
      throw new IOException("vCenter REST login returned no session");
    }
  }

  /** A factory whose calls time out after {@code timeout}. */
  static Factory factory(Duration timeout) {
    return (connection, username, password) ->
        new VsphereRestTags(connection, timeout, username, password);
  }

  @Override
  public Map<String, Map<String, List<String>>> attachedTags(List<String> vmIds)
      throws IOException {
    Map<String, List<String>> tagIdsByVm = new HashMap<>();
    for (int from = 0; from < vmIds.size(); from += BATCH) {
      ObjectNode body = json.createObjectNode();
      ArrayNode objects = body.putArray("object_ids");
      for (String id : vmIds.subList(from, Math.min(vmIds.size(), from + BATCH))) {
        objects.addObject().put("type", "VirtualMachine").put("id", id);
      }
      JsonNode reply =
          call(
              "POST",
              "tagging/tag-association?~action=list-attached-tags-on-objects",
              body,
              Map.of());
      for (JsonNode entry : reply.path("value")) {
        List<String> ids = new ArrayList<>();
        entry.path("tag_ids").forEach(t -> ids.add(t.asText()));
        tagIdsByVm
            .computeIfAbsent(entry.path("object_id").path("id").asText(), k -> new ArrayList<>())
            .addAll(ids);
      }
    }
    Map<String, JsonNode> tags = new HashMap<>();
    Map<String, String> categories = new HashMap<>();
    Map<String, Map<String, List<String>>> out = new HashMap<>();
    for (Map.Entry<String, List<String>> vm : tagIdsByVm.entrySet()) {
      Map<String, List<String>> byCategory = new TreeMap<>();
      for (String tagId : vm.getValue()) {
        JsonNode tag = tags.get(tagId);
        if (tag == null) {
          tag = call("GET", "tagging/tag/id:" + encode(tagId), null, Map.of()).path("value");
          tags.put(tagId, tag);
        }
        String categoryId = tag.path("category_id").asText();
        String category = categories.get(categoryId);
        if (category == null) {
          category =
              call("GET", "tagging/category/id:" + encode(categoryId), null, Map.of())
                  .path("value")
                  .path("name")
                  .asText();
          categories.put(categoryId, category);
        }
        byCategory.computeIfAbsent(category, k -> new ArrayList<>()).add(tag.path("name").asText());
      }
      byCategory.values().forEach(names -> names.sort(null));
      if (!byCategory.isEmpty()) {
        out.put(vm.getKey(), byCategory);
      }
    }
    return out;
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
  }

  private JsonNode call(String method, String path, JsonNode body, Map<String, String> headers)
      throws IOException {
    HttpURLConnection http = (HttpURLConnection) base.resolve(path).toURL().openConnection();
    if (http instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(socketFactory);
      https.setHostnameVerifier(hostnameVerifier);
    }
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    http.setConnectTimeout(millis);
    http.setReadTimeout(millis);
    http.setRequestMethod(method);
    http.setRequestProperty("Accept", "application/json");
    if (session != null) {
      http.setRequestProperty(SESSION_HEADER, session);
    }
    headers.forEach(http::setRequestProperty);
    if (body != null) {
      http.setDoOutput(true);
      http.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = http.getOutputStream()) {
        json.writeValue(out, body);
      }
    }
    int status = http.getResponseCode();
    try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
      byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
      if (status >= 400) {
        throw new IOException(
            method
                + " "
                + path
                + ": HTTP "
                + status
                + " "
                + new String(bytes, StandardCharsets.UTF_8));
      }
      return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
    }
  }

  @Override
  public void close() {
    try {
      call("DELETE", "session", null, Map.of());
    } catch (IOException e) {
      LOG.debug("vCenter REST logout failed: {}", e.toString());
    }
  }
}
