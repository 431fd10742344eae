package io.migrationmanager.domain.instance;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/** A batch's relaxations of the migration restrictions (spec §6.5). */
@JsonPropertyOrder({"allow_unknown_os", "allow_no_ipv4", "allow_no_background_import"})
public record RestrictionOverrides(
    @JsonProperty("allow_unknown_os") @JsonSetter(nulls = Nulls.AS_EMPTY) boolean allowUnknownOs,
    @JsonProperty("allow_no_ipv4") @JsonSetter(nulls = Nulls.AS_EMPTY) boolean allowNoIpv4,
    @JsonProperty("allow_no_background_import") @JsonSetter(nulls = Nulls.AS_EMPTY) boolean allowNoBackgroundImport) {

  public static final RestrictionOverrides NONE = new RestrictionOverrides(false, false, false);
}
