package io.migrationmanager.domain.source;

import io.migrationmanager.api.GoDuration;
import java.util.List;

/**
 * How to reach and read one VMware source (vCenter or standalone ESXi): the connection half of the source's
 * properties (spec §2.2).
 *
 * @param endpoint URL such as {@code https://10.10.0.3}
 * @param trustedServerCertificate DER bytes of the certificate captured at the first handshake, or null
 * @param trustedServerCertificateFingerprint the user-confirmed SHA-256 fingerprint; the stored certificate is
 *     trusted only when its fingerprint equals this
 * @param connectionTimeout timeout of a source operation
 * @param syncTimeout per-VM property fetch timeout
 * @param syncLimit how many VMs are fetched concurrently
 * @param datacenters normalised inventory path patterns ({@code /...} = all)
 */
public record VmwareEndpoint(
    String endpoint,
    byte[] trustedServerCertificate,
    String trustedServerCertificateFingerprint,
    String username,
    String password,
    GoDuration connectionTimeout,
    GoDuration syncTimeout,
    int syncLimit,
    List<String> datacenters) {}
