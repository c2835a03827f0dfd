package io.openslb.controlplane.http;

/** Answers one request. Runs on a worker thread of the server, so it may block (store I/O). */
@FunctionalInterface
public interface RequestHandler {
  HttpReply handle(ApiRequest request);
}
