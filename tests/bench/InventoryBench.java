import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.RetrieveOptions;
import com.vmware.vim25.RetrieveResult;
import com.vmware.vim25.SelectionSpec;
import com.vmware.vim25.TraversalSpec;
import com.vmware.vim25.mo.ContainerView;
import com.vmware.vim25.mo.PropertyCollector;
import com.vmware.vim25.mo.ServiceInstance;
import io.migrationmanager.activities.vsphere.VsphereConnectivity;
import io.migrationmanager.activities.vsphere.VsphereSource;
import io.migrationmanager.api.GoDuration;
import io.migrationmanager.domain.source.SourceInventory;
import io.migrationmanager.domain.source.VmwareEndpoint;
import io.migrationmanager.tls.Pem;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Inventory benchmark: starts the vcsim launcher with {@code scale:N} synthetic VMs, then times
 * {@link VsphereSource#fetchInventory()} against a bare PropertyCollector retrieval of the same VM
 * properties (one ContainerView, paged {@code RetrievePropertiesEx}, nothing mapped), in
 * alternating runs after a warm-up.
 *
 * <p>Run through {@code tests/bench/inventory-bench.sh}; arguments: {@code --vms N} (10000), {@code
 * --runs R} (3), {@code --vcsim PATH} (tests/peers/vcsim/vcsim). Goals: at most 30 s and at most
 * twice the bare retrieval.
 */
public final class InventoryBench {
  private static final String USERNAME = "administrator@vsphere.local";
  private static final String PASSWORD = "bench-secret";

  private InventoryBench() {}

  public static void main(String[] args) throws Exception {
    int vms = 10_000;
    int runs = 3;
    Path vcsim = Path.of("tests/peers/vcsim/vcsim");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--vms" -> vms = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--vcsim" -> vcsim = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }

    Path certificate = Files.createTempFile("bench-vcsim-", ".crt");
    long startup = System.nanoTime();
    Process process =
        new ProcessBuilder(
                vcsim.toString(),
                "-l",
                "127.0.0.1:0",
                "-fixture",
                "scale:" + vms,
                "-username",
                USERNAME,
                "-password",
                PASSWORD,
                "-cert-out",
                certificate.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      String url =
          new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      if (url == null) {
        throw new IllegalStateException("vcsim exited before printing its URL");
      }
      System.out.printf(
          Locale.ROOT, "vcsim with %d VMs ready in %.1f s at %s%n", vms, seconds(startup), url);

      VmwareEndpoint untrusted = endpoint(url, null, "");
      VsphereConnectivity check = new VsphereSource(untrusted).checkConnectivity();
      VmwareEndpoint endpoint =
          endpoint(
              url,
              check.serverCertificate().getEncoded(),
              Pem.fingerprint(check.serverCertificate()));
      List<String> paths = VsphereSource.vmPropertyPaths("6.5");

      System.out.println("warm-up ...");
      bare(url, paths);
      fetch(endpoint);

      List<Double> bareTimes = new ArrayList<>();
      List<Double> fetchTimes = new ArrayList<>();
      int imported = 0;
      for (int run = 1; run <= runs; run++) {
        long t = System.nanoTime();
        int objects = bare(url, paths);
        bareTimes.add(seconds(t));
        t = System.nanoTime();
        imported = fetch(endpoint).instances().size();
        fetchTimes.add(seconds(t));
        System.out.printf(
            Locale.ROOT,
            "run %d: bare retrieval %d VMs in %.2f s, fetchInventory %d instances in %.2f s%n",
            run,
            objects,
            bareTimes.get(run - 1),
            imported,
            fetchTimes.get(run - 1));
      }
      double bare = median(bareTimes);
      double fetch = median(fetchTimes);
      Runtime rt = Runtime.getRuntime();
      System.out.printf(
          Locale.ROOT,
          "%nmedian of %d runs: bare retrieval %.2f s (%.0f VMs/s), fetchInventory %.2f s (%.0f"
              + " VMs/s), ratio %.2f; heap in use %d MiB of %d MiB%n",
          runs,
          bare,
          vms / bare,
          fetch,
          imported / fetch,
          fetch / bare,
          (rt.totalMemory() - rt.freeMemory()) >> 20,
          rt.maxMemory() >> 20);
      System.out.printf(
          Locale.ROOT,
          "goals: <= 30 s: %s; <= 2x bare retrieval: %s%n",
          fetch <= 30 ? "met" : "MISSED",
          fetch <= 2 * bare ? "met" : "MISSED");
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(certificate);
    }
  }

  private static VmwareEndpoint endpoint(String url, byte[] certificate, String fingerprint) {
    return new VmwareEndpoint(
        url,
        certificate,
        fingerprint,
        USERNAME,
        PASSWORD,
        GoDuration.ofMinutes(10),
        GoDuration.of(Duration.ofSeconds(10)),
        1,
        List.of());
  }

  private static SourceInventory fetch(VmwareEndpoint endpoint) {
    try (VsphereSource source = new VsphereSource(endpoint)) {
      return source.fetchInventory();
    }
  }

  /**
   * The baseline: the same VM properties through one ContainerView and paged RetrievePropertiesEx.
   */
  private static int bare(String url, List<String> paths) throws Exception {
    ServiceInstance si = new ServiceInstance(new URL(url), USERNAME, PASSWORD, true);
    try {
      ContainerView view =
          si.getViewManager()
              .createContainerView(si.getRootFolder(), new String[] {"VirtualMachine"}, true);
      TraversalSpec traversal = new TraversalSpec();
      traversal.setName("view");
      traversal.setType("ContainerView");
      traversal.setPath("view");
      traversal.setSkip(false);
      ObjectSpec objects = new ObjectSpec();
      objects.setObj(view.getMOR());
      objects.setSkip(true);
      objects.setSelectSet(new SelectionSpec[] {traversal});
      PropertySpec spec = new PropertySpec();
      spec.setType("VirtualMachine");
      spec.setPathSet(paths.toArray(String[]::new));
      PropertyFilterSpec filter = new PropertyFilterSpec();
      filter.setObjectSet(new ObjectSpec[] {objects});
      filter.setPropSet(new PropertySpec[] {spec});
      RetrieveOptions options = new RetrieveOptions();
      options.setMaxObjects(500);
      PropertyCollector collector = si.getPropertyCollector();
      int count = 0;
      RetrieveResult page =
          collector.retrievePropertiesEx(new PropertyFilterSpec[] {filter}, options);
      while (page != null) {
        count += page.getObjects() == null ? 0 : page.getObjects().length;
        if (page.getToken() == null) {
          break;
        }
        page = collector.continueRetrievePropertiesEx(page.getToken());
      }
      view.destroyView();
      return count;
    } finally {
      si.getServerConnection().logout();
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
