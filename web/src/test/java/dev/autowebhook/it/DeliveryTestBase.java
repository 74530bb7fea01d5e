package dev.autowebhook.it;

import dev.autowebhook.it.support.Api;
import dev.autowebhook.it.support.AppServer;
import dev.autowebhook.it.support.Receiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Common frame of the integration tests on the shared server: one loopback receiver per test
 * class, an admin API client and fixtures that undo what each test set up.
 */
abstract class DeliveryTestBase {

  static AppServer server;
  static Receiver receiver;
  Api api;
  Fixtures fx;

  @BeforeAll
  static void startReceiver() {
    server = AppServer.shared();
    receiver = Receiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @BeforeEach
  void setUpFixtures() {
    api = server.admin();
    fx = new Fixtures(api);
  }

  @AfterEach
  void tearDownFixtures() {
    fx.close();
  }
}
