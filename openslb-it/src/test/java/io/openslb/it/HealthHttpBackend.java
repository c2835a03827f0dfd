package io.openslb.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP backend for health-check tests: answers every request with a status the test can
 * change, and records each request as {@code METHOD PATH host=HOST}.
 */
final class HealthHttpBackend implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger status;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  HealthHttpBackend(String ip, int port, int status) throws IOException {
    this.status = new AtomicInteger(status);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ip), port), 64);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "http-backend-" + ip);
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host="
          + exchange.getRequestHeaders().getFirst("Host"));
      byte[] body = ("backend " + ip + "\n").getBytes(StandardCharsets.UTF_8);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(this.status.get(), head ? -1 : body.length);
      if (!head) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void status(int code) {
    status.set(code);
  }

  List<String> requests() {
    return requests;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
