package io.openslb.server;

import io.openslb.controlplane.http.ApiRequest;
import io.openslb.controlplane.http.HttpReply;
import io.openslb.controlplane.http.RequestHandler;
import io.openslb.store.StateStore;
import java.util.function.BooleanSupplier;

/** The admin port: {@code /healthz} (the process answers) and {@code /readyz} (store reachable, API up). */
final class AdminHandler implements RequestHandler {
  private final StateStore store;
  private final BooleanSupplier apiUp;

  AdminHandler(StateStore store, BooleanSupplier apiUp) {
    this.store = store;
    this.apiUp = apiUp;
  }

  @Override
  public HttpReply handle(ApiRequest request) {
    switch (request.path()) {
      case "/healthz":
        return HttpReply.text(200, "ok\n");
      case "/readyz":
        if (!apiUp.getAsBoolean()) {
          return HttpReply.text(503, "api not listening\n");
        }
        try {
          store.revision();
          return HttpReply.text(200, "ready\n");
        } catch (RuntimeException e) {
          return HttpReply.text(503, "store unavailable: " + e.getMessage() + "\n");
        }
      default:
        return HttpReply.text(404, "not found\n");
    }
  }
}
