package io.openslb.controlplane.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on Netty for the API and admin endpoints. The event loop only parses
 * and writes; {@link RequestHandler}s run on {@code workers} because they block on the store.
 */
public final class BlockingHttpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BlockingHttpServer.class);
  private static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
  /**
   * The Java SDK sends every parameter in the query string, the PEM certificate chain and private
   * key of UploadServerCertificate included (easily 10-20 KB URL-encoded); Netty's default 4 KB
   * request line would refuse them.
   */
  private static final int MAX_REQUEST_LINE_BYTES = 256 * 1024;

  private final String name;
  private final EventLoopGroup group;
  private final ExecutorService workers;
  private final Channel channel;

  private BlockingHttpServer(String name, EventLoopGroup group, ExecutorService workers, Channel channel) {
    this.name = name;
    this.group = group;
    this.workers = workers;
    this.channel = channel;
  }

  public static BlockingHttpServer start(
      String name, InetSocketAddress bind, ExecutorService workers, RequestHandler handler)
      throws InterruptedException {
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Class<? extends ServerSocketChannel> channelType =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    try {
      Channel ch =
          new ServerBootstrap()
              .group(group)
              .channel(channelType)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .option(ChannelOption.SO_REUSEADDR, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                      c.pipeline()
                          .addLast(new IdleStateHandler(0, 0, 120, TimeUnit.SECONDS))
                          .addLast(new HttpServerCodec(
                              new HttpDecoderConfig().setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)))
                          .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                          .addLast(new Dispatch(handler, workers));
                    }
                  })
              .bind(bind)
              .sync()
              .channel();
      return new BlockingHttpServer(name, group, workers, ch);
    } catch (RuntimeException | InterruptedException e) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    log.debug("{} server closed", name);
  }

  /** Turns a Netty request into an {@link ApiRequest}; runs the handler on a worker. */
  private static final class Dispatch extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final RequestHandler handler;
    private final ExecutorService workers;

    Dispatch(RequestHandler handler, ExecutorService workers) {
      this.handler = handler;
      this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      boolean keepAlive = HttpUtil.isKeepAlive(req);
      if (!req.decoderResult().isSuccess()) {
        write(ctx, HttpReply.text(400, "bad request"), false);
        return;
      }
      ApiRequest request = toApiRequest(ctx, req);
      try {
        workers.execute(
            () -> {
              HttpReply reply;
              try {
                reply = handler.handle(request);
              } catch (RuntimeException e) {
                log.error("request handler failed: {} {}", request.method(), request.path(), e);
                reply = HttpReply.text(500, "internal error");
              }
              HttpReply r = reply;
              ctx.executor().execute(() -> write(ctx, r, keepAlive));
            });
      } catch (RejectedExecutionException e) {
        write(ctx, HttpReply.text(503, "shutting down"), false);
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof IdleStateEvent) {
        ctx.close();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }

    private static void write(ChannelHandlerContext ctx, HttpReply reply, boolean keepAlive) {
      FullHttpResponse resp =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              HttpResponseStatus.valueOf(reply.status()),
              Unpooled.wrappedBuffer(reply.body()));
      resp.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
      resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
      if (keepAlive) {
        resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        ctx.writeAndFlush(resp);
      } else {
        resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
      }
    }

    private static ApiRequest toApiRequest(ChannelHandlerContext ctx, FullHttpRequest req) {
      QueryStringDecoder uri = new QueryStringDecoder(req.uri(), StandardCharsets.UTF_8);
      Map<String, String> query = firstValues(uri.parameters());
      byte[] body = new byte[req.content().readableBytes()];
      req.content().getBytes(req.content().readerIndex(), body);
      Map<String, String> form = Map.of();
      String contentType = req.headers().get(HttpHeaderNames.CONTENT_TYPE);
      if (body.length > 0
          && contentType != null
          && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
        form =
            firstValues(
                new QueryStringDecoder(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8, false)
                    .parameters());
      }
      Map<String, String> headers = new HashMap<>();
      req.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
      InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
      return new ApiRequest(
          req.method().name(), uri.path(), query, form, headers, body,
          remote == null ? "" : remote.getAddress().getHostAddress());
    }

    private static Map<String, String> firstValues(Map<String, List<String>> multi) {
      Map<String, String> out = new HashMap<>();
      multi.forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
      return out;
    }
  }
}
