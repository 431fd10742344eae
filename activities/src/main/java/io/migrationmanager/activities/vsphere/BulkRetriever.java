package io.migrationmanager.activities.vsphere;

import com.vmware.vim25.ObjectContent;
import com.vmware.vim25.ObjectSpec;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.PropertySpec;
import com.vmware.vim25.RetrieveOptions;
import com.vmware.vim25.RetrieveResult;
import com.vmware.vim25.SelectionSpec;
import com.vmware.vim25.TraversalSpec;
import com.vmware.vim25.mo.ContainerView;
import com.vmware.vim25.mo.PropertyCollector;
import java.rmi.RemoteException;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads properties of every object of some types below the root folder in bulk: one ContainerView
 * and one {@code RetrievePropertiesEx}, followed by {@code ContinueRetrievePropertiesEx} while the
 * server pages.
 */
final class BulkRetriever {
  private static final Logger LOG = LoggerFactory.getLogger(BulkRetriever.class);

  /** Objects per page; vCenter may return fewer. */
  static final int PAGE_SIZE = 500;

  private BulkRetriever() {}

  /**
   * Calls {@code sink} with the properties of each object.
   *
   * @param viewTypes the managed object types the view contains (subtypes included)
   * @param specs which properties to read, per type
   * @param beforePage called before each page is requested, e.g. to enforce a deadline
   */
  static void retrieve(
      VsphereConnection connection,
      List<String> viewTypes,
      List<PropertySpec> specs,
      Runnable beforePage,
      Consumer<PropertyValues> sink)
      throws RemoteException {
    ContainerView view =
        connection
            .serviceInstance()
            .getViewManager()
            .createContainerView(
                connection.serviceInstance().getRootFolder(),
                viewTypes.toArray(String[]::new),
                true);
    try {
      TraversalSpec traversal = new TraversalSpec();
      traversal.setName("view");
      traversal.setType("ContainerView");
      traversal.setPath("view");
      traversal.setSkip(false);
      ObjectSpec objects = new ObjectSpec();
      objects.setObj(view.getMOR());
      objects.setSkip(true);
      objects.setSelectSet(new SelectionSpec[] {traversal});
      PropertyFilterSpec filter = new PropertyFilterSpec();
      filter.setObjectSet(new ObjectSpec[] {objects});
      filter.setPropSet(specs.toArray(PropertySpec[]::new));
      RetrieveOptions options = new RetrieveOptions();
      options.setMaxObjects(PAGE_SIZE);

      PropertyCollector collector = connection.serviceInstance().getPropertyCollector();
      beforePage.run();
      RetrieveResult page =
          collector.retrievePropertiesEx(new PropertyFilterSpec[] {filter}, options);
      while (page != null) {
        if (page.getObjects() != null) {
          for (ObjectContent content : page.getObjects()) {
            sink.accept(PropertyValues.of(content));
          }
        }
        if (page.getToken() == null || page.getToken().isEmpty()) {
          break;
        }
        beforePage.run();
        page = collector.continueRetrievePropertiesEx(page.getToken());
      }
    } finally {
      try {
        view.destroyView();
      } catch (RemoteException | RuntimeException e) {
        LOG.debug(
            "Cannot destroy container view {} (it ends with the session): {}",
            view.getMOR().getVal(),
            e.toString());
      }
    }
  }

  static PropertySpec spec(String type, List<String> paths) {
    PropertySpec spec = new PropertySpec();
    spec.setType(type);
    spec.setAll(false);
    spec.setPathSet(paths.toArray(String[]::new));
    return spec;
  }
}
