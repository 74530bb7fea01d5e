package dev.autowebhook.setup.boundary;

import dev.autowebhook.inbox.boundary.Inbox;
import dev.autowebhook.security.boundary.Users;
import dev.autowebhook.subscription.boundary.Subscribers;
import dev.autowebhook.subscription.boundary.WebhookConfigs;
import dev.autowebhook.subscription.entity.Priority;
import dev.autowebhook.subscription.entity.Subscriber;
import dev.autowebhook.subscription.entity.WebhookConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First start only: creates the first admin (from {@code AUTOWEBHOOK_ADMIN_USER}/{@code _PASSWORD})
 * and the default subscriber with the nine enabled configs of the original module, so tracking
 * works right after installation. A marker row makes later starts leave admins' edits alone.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstStart {

  private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());
  static final String MARKER = "setup.seeded";

  /** model, priority, category of the default configs. */
  static final List<String[]> DEFAULTS = List.of(
      new String[] {"sale.order", "HIGH", "sales"},
      new String[] {"purchase.order", "HIGH", "purchase"},
      new String[] {"account.move", "HIGH", "accounting"},
      new String[] {"account.payment", "HIGH", "accounting"},
      new String[] {"crm.lead", "HIGH", "crm"},
      new String[] {"stock.picking", "MEDIUM", "inventory"},
      new String[] {"stock.move", "MEDIUM", "inventory"},
      new String[] {"res.partner", "MEDIUM", "contacts"},
      new String[] {"product.template", "LOW", "products"});

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject Users users;
  @Inject Subscribers subscribers;
  @Inject WebhookConfigs configs;

  @Inject
  @ConfigProperty(name = "autowebhook.admin.user", defaultValue = "admin")
  String adminUser;

  @Inject
  @ConfigProperty(name = "autowebhook.admin.password", defaultValue = "admin")
  String adminPassword;

  @Inject
  @ConfigProperty(name = "autowebhook.default-subscriber.url", defaultValue = " ")
  String defaultUrl;

  @Inject
  @ConfigProperty(name = "autowebhook.http.port", defaultValue = "8080")
  int httpPort;

  @PostConstruct
  void seed() {
    if (users.count() == 0) {
      users.createFirstAdmin(adminUser, adminPassword);
      LOG.info(() -> "Created the first admin account '" + adminUser + "'");
    }
    if (em.find(dev.autowebhook.setup.entity.Setting.class, MARKER) != null) {
      return;
    }
    em.persist(new dev.autowebhook.setup.entity.Setting(MARKER, "true"));
    em.flush();
    Subscriber s = new Subscriber();
    s.setName("default");
    s.setEndpointUrl(defaultUrl.isBlank() ? "http://localhost:" + httpPort + Inbox.PATH
        : defaultUrl.trim());
    s = subscribers.create(s);
    for (String[] d : DEFAULTS) {
      WebhookConfig c = new WebhookConfig();
      c.setModel(d[0]);
      c.setPriority(Priority.valueOf(d[1]));
      c.setCategory(d[2]);
      c.getSubscribers().add(s);
      configs.create(c);
    }
    String url = s.getEndpointUrl();
    LOG.info(() -> "First start: created the default subscriber (" + url + ") and "
        + DEFAULTS.size() + " webhook configs");
  }
}
