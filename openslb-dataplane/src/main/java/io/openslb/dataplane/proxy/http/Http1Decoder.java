package io.openslb.dataplane.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import java.util.List;

/**
 * The strict HTTP/1.x parsing core shared by {@link RequestDecoder} (client side) and {@link
 * ResponseDecoder} (backend side): line splitting, field syntax, and message bodies.
 *
 * <p>Design note. A proxy must never read a message's end differently from the next hop (request
 * smuggling, response splitting; RFC 9112 §6.3, §11). So lines must end in CRLF, field names are
 * tokens directly followed by the colon, values carry no control characters, obsolete line folding
 * is refused, chunk sizes are 1-15 hex digits and chunk data is followed by CRLF. Anything else
 * becomes a {@link DecodeError} after which nothing more is decoded. Bodies are emitted as {@code
 * DefaultHttpContent} holding retained slices of the input (no copy) and always end with {@code
 * LastHttpContent.EMPTY_LAST_CONTENT} or, with trailers, a {@code DefaultLastHttpContent}.
 *
 * <p>Subclasses parse the start line and the fields they care about ({@link #head}) and choose
 * the body's framing ({@link #startBody}); {@link #messageDone} tells them a message ended.
 * Event loop only.
 */
abstract class Http1Decoder extends ByteToMessageDecoder {
  static final int MAX_HEAD = 64 * 1024;
  static final int MAX_FIELDS = 128;
  static final int MAX_CHUNK_LINE = 4 * 1024;
  static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  static final HttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory().withValidation(false);
  static final byte CR = '\r';
  static final byte LF = '\n';
  static final byte SP = ' ';
  static final byte HT = '\t';
  static final boolean[] TCHAR = new boolean[256];
  /** {@link #readLine}: no complete line yet. */
  static final int NEED_MORE = -1;
  /** {@link #readLine}: a line ended in LF without CR. */
  static final int BARE_LF = -2;

  static {
    for (int c = '0'; c <= '9'; c++) {
      TCHAR[c] = true;
    }
    for (int c = 'a'; c <= 'z'; c++) {
      TCHAR[c] = true;
      TCHAR[c - 32] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TCHAR[c] = true;
    }
  }

  enum State { HEAD, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, HOLD, BROKEN }

  State state = State.HEAD;
  /** The current line (CR LF excluded) after {@link #readLine}. */
  byte[] line = new byte[256];
  /** Bytes of the current head (or trailers) so far, for the size limit. */
  int headBytes;
  int fields;
  // the field parsed by the last successful parseField
  int nameLength;
  int valueStart;
  int valueEnd;
  private long remaining;
  private HttpHeaders trailers;

  @Override
  protected final void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    boolean more = true;
    while (more) {
      switch (state) {
        case HEAD -> more = head(in, out);
        case FIXED -> more = fixed(in, out);
        case CHUNK_SIZE -> more = chunkSize(in, out);
        case CHUNK_DATA -> more = chunkData(in, out);
        case CHUNK_END -> more = chunkEnd(in, out);
        case TRAILERS -> more = trailers(in, out);
        case UNTIL_CLOSE -> more = untilClose(in, out);
        case BROKEN -> {
          in.skipBytes(in.readableBytes());
          more = false;
        }
        default -> more = false; // HOLD: bytes wait for whoever removes the decoder
      }
    }
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.isReadable()) {
      decode(ctx, in, out);
    }
    if (state == State.UNTIL_CLOSE) {
      out.add(LastHttpContent.EMPTY_LAST_CONTENT); // the close ends the body
      messageDone();
    }
  }

  /** Parses start line and fields; true when it changed state (a head completed). */
  abstract boolean head(ByteBuf in, List<Object> out);

  /** The message in progress ended (its LastHttpContent was emitted). */
  abstract void messageDone();

  /**
   * Copies the next line into {@link #line} and consumes it; returns its length without CRLF,
   * {@link #NEED_MORE} or {@link #BARE_LF}. Counts the bytes into {@link #headBytes}.
   */
  final int readLine(ByteBuf in) {
    int start = in.readerIndex();
    int lf = in.indexOf(start, in.writerIndex(), LF);
    if (lf < 0) {
      return NEED_MORE;
    }
    int len = lf - start;
    if (len == 0 || in.getByte(lf - 1) != CR) {
      return BARE_LF;
    }
    int n = len - 1;
    headBytes += len + 1;
    if (line.length < n) {
      line = new byte[Math.max(n, line.length * 2)];
    }
    in.getBytes(start, line, 0, n);
    in.skipBytes(len + 1);
    return n;
  }

  /**
   * Checks {@code line[0, n)} as {@code name: value} and sets {@link #nameLength}, {@link
   * #valueStart} and {@link #valueEnd} (optional whitespace trimmed). Returns null, or why not.
   */
  final String parseField(int n) {
    byte[] b = line;
    if (b[0] == SP || b[0] == HT) {
      return "obsolete line folding";
    }
    int colon = 0;
    while (colon < n && TCHAR[b[colon] & 0xff]) {
      colon++;
    }
    if (colon == 0 || colon == n || b[colon] != ':') {
      return "field name";
    }
    int vs = colon + 1;
    int ve = n;
    while (vs < ve && (b[vs] == SP || b[vs] == HT)) {
      vs++;
    }
    while (ve > vs && (b[ve - 1] == SP || b[ve - 1] == HT)) {
      ve--;
    }
    for (int i = vs; i < ve; i++) {
      int c = b[i] & 0xff;
      if ((c < 0x20 && c != HT) || c == 0x7f) {
        return "field value";
      }
    }
    if (++fields > MAX_FIELDS) {
      return "too many fields";
    }
    nameLength = colon;
    valueStart = vs;
    valueEnd = ve;
    return null;
  }

  /** The last parsed field's name: a shared constant when known, else a copy. */
  final AsciiString fieldName() {
    AsciiString known = HeaderNames.known(line, 0, nameLength);
    return known != null ? known : new AsciiString(line, 0, nameLength, true);
  }

  final AsciiString fieldValue() {
    return valueStart == valueEnd ? AsciiString.EMPTY_STRING : new AsciiString(line, valueStart, valueEnd - valueStart, true);
  }

  final boolean valueEquals(String lower) {
    return equalsIgnoreCase(line, valueStart, valueEnd, lower);
  }

  /** Plain decimal digits of the last value (1-18 of them), else -1. */
  final long valueDigits() {
    return digits(line, valueStart, valueEnd);
  }

  /** After a head: reads a body of {@code length} bytes, chunks, or everything until the close. */
  final void startBody(boolean chunked, long length, boolean untilClose, List<Object> out) {
    if (chunked) {
      state = State.CHUNK_SIZE;
    } else if (length > 0) {
      remaining = length;
      state = State.FIXED;
    } else if (untilClose) {
      state = State.UNTIL_CLOSE;
    } else {
      out.add(LastHttpContent.EMPTY_LAST_CONTENT);
      endOfMessage();
    }
  }

  private void endOfMessage() {
    headBytes = 0;
    fields = 0;
    trailers = null;
    messageDone();
  }

  final boolean fail(ByteBuf in, List<Object> out, HttpResponseStatus status, String reason) {
    out.add(new DecodeError(status, reason));
    state = State.BROKEN;
    in.skipBytes(in.readableBytes());
    return false;
  }

  // ------------------------------------------------------------------ bodies

  private boolean fixed(ByteBuf in, List<Object> out) {
    int readable = in.readableBytes();
    if (readable == 0) {
      return false;
    }
    int n = (int) Math.min(remaining, readable);
    out.add(new DefaultHttpContent(in.readRetainedSlice(n)));
    remaining -= n;
    if (remaining == 0) {
      out.add(LastHttpContent.EMPTY_LAST_CONTENT);
      endOfMessage();
      return true;
    }
    return false;
  }

  private boolean untilClose(ByteBuf in, List<Object> out) {
    int readable = in.readableBytes();
    if (readable > 0) {
      out.add(new DefaultHttpContent(in.readRetainedSlice(readable)));
    }
    return false;
  }

  private boolean chunkSize(ByteBuf in, List<Object> out) {
    int start = in.readerIndex();
    int lf = in.indexOf(start, in.writerIndex(), LF);
    if (lf < 0) {
      return in.readableBytes() > MAX_CHUNK_LINE && fail(in, out, HttpResponseStatus.BAD_REQUEST, "chunk line too long");
    }
    int len = lf - start;
    if (len == 0 || in.getByte(lf - 1) != CR || len > MAX_CHUNK_LINE) {
      return fail(in, out, HttpResponseStatus.BAD_REQUEST, "chunk line");
    }
    int end = lf - 1;
    long size = 0;
    int i = start;
    while (i < end) {
      int d = hex(in.getByte(i));
      if (d < 0) {
        break;
      }
      size = size << 4 | d;
      i++;
    }
    int digits = i - start;
    if (digits == 0 || digits > 15) {
      return fail(in, out, HttpResponseStatus.BAD_REQUEST, "chunk size");
    }
    int afterDigits = i;
    while (i < end && (in.getByte(i) == SP || in.getByte(i) == HT)) {
      i++;
    }
    if (i < end) {
      if (in.getByte(i) != ';') {
        return fail(in, out, HttpResponseStatus.BAD_REQUEST, "chunk size");
      }
      for (int k = i + 1; k < end; k++) {
        int c = in.getByte(k) & 0xff;
        if ((c < 0x20 && c != HT) || c == 0x7f) {
          return fail(in, out, HttpResponseStatus.BAD_REQUEST, "chunk extension");
        }
      }
    } else if (i != afterDigits) {
      return fail(in, out, HttpResponseStatus.BAD_REQUEST, "chunk size");
    }
    in.skipBytes(len + 1);
    if (size == 0) {
      headBytes = 0;
      fields = 0;
      state = State.TRAILERS;
    } else {
      remaining = size;
      state = State.CHUNK_DATA;
    }
    return true;
  }

  private boolean chunkData(ByteBuf in, List<Object> out) {
    int readable = in.readableBytes();
    if (readable == 0) {
      return false;
    }
    int n = (int) Math.min(remaining, readable);
    out.add(new DefaultHttpContent(in.readRetainedSlice(n)));
    remaining -= n;
    if (remaining == 0) {
      state = State.CHUNK_END;
      return true;
    }
    return false;
  }

  private boolean chunkEnd(ByteBuf in, List<Object> out) {
    if (in.readableBytes() < 2) {
      return false;
    }
    int i = in.readerIndex();
    if (in.getByte(i) != CR || in.getByte(i + 1) != LF) {
      return fail(in, out, HttpResponseStatus.BAD_REQUEST, "chunk not followed by CRLF");
    }
    in.skipBytes(2);
    state = State.CHUNK_SIZE;
    return true;
  }

  private boolean trailers(ByteBuf in, List<Object> out) {
    for (;;) {
      int n = readLine(in);
      if (n == NEED_MORE) {
        return headBytes + in.readableBytes() > MAX_HEAD
            && fail(in, out, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "trailers too large");
      }
      if (n == BARE_LF) {
        return fail(in, out, HttpResponseStatus.BAD_REQUEST, "bare LF");
      }
      if (headBytes > MAX_HEAD) {
        return fail(in, out, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "trailers too large");
      }
      if (n == 0) {
        out.add(trailers == null ? LastHttpContent.EMPTY_LAST_CONTENT
            : new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER, trailers));
        endOfMessage();
        return true;
      }
      String error = parseField(n);
      if (error != null) {
        return fail(in, out, error.startsWith("too many") ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
            : HttpResponseStatus.BAD_REQUEST, error);
      }
      AsciiString name = HeaderNames.known(line, 0, nameLength);
      if (!HeaderNames.forbiddenInTrailers(name)) {
        if (trailers == null) {
          trailers = TRAILERS.newHeaders();
        }
        trailers.add(name != null ? name : new AsciiString(line, 0, nameLength, true), fieldValue());
      }
    }
  }

  // ------------------------------------------------------------------ byte helpers

  static int indexOf(byte[] b, int from, int to, byte v) {
    for (int i = from; i < to; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }

  /** Plain decimal digits, at most 18 of them, else -1. */
  static long digits(byte[] b, int from, int to) {
    if (from == to || to - from > 18) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  static boolean equalsIgnoreCase(byte[] b, int from, int to, String lower) {
    if (to - from != lower.length()) {
      return false;
    }
    for (int i = 0; i < lower.length(); i++) {
      int c = b[from + i];
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** End of the token found by the last {@link #nextToken}. */
  int tokenEnd;

  /**
   * The start of the next comma-separated token of {@code b[from, to)} ({@link #tokenEnd} is its
   * end), or -1 when there is none. Allocates nothing.
   */
  final int nextToken(byte[] b, int from, int to) {
    int i = from;
    while (i < to && (b[i] == SP || b[i] == HT || b[i] == ',')) {
      i++;
    }
    if (i == to) {
      return -1;
    }
    int s = i;
    while (i < to && b[i] != ',' && b[i] != SP && b[i] != HT) {
      i++;
    }
    tokenEnd = i;
    return s;
  }

  /** Whether a comma-separated header value contains {@code lowerToken}, ignoring case. */
  static boolean containsToken(CharSequence value, String lowerToken) {
    int n = value.length();
    int i = 0;
    while (i < n) {
      while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t' || value.charAt(i) == ',')) {
        i++;
      }
      int s = i;
      while (i < n && value.charAt(i) != ',') {
        i++;
      }
      int e = i;
      while (e > s && (value.charAt(e - 1) == ' ' || value.charAt(e - 1) == '\t')) {
        e--;
      }
      if (e - s == lowerToken.length() && AsciiString.regionMatches(value, true, s, lowerToken, 0, e - s)) {
        return true;
      }
    }
    return false;
  }
}
