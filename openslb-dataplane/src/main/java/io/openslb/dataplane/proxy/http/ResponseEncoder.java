package io.openslb.dataplane.proxy.http;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;

/**
 * Encodes responses to the client. A response to HEAD keeps its Content-Length or
 * Transfer-Encoding header but has no body; the encoder has no request queue, so the proxy tells
 * it per exchange ({@link #headRequest}) before writing the response head. Event loop only.
 */
final class ResponseEncoder extends HttpResponseEncoder {
  boolean headRequest;

  @Override
  protected boolean isContentAlwaysEmpty(HttpResponse msg) {
    if (headRequest && msg.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
      return true;
    }
    return super.isContentAlwaysEmpty(msg);
  }
}
