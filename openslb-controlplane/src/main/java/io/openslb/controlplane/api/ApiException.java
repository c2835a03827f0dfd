package io.openslb.controlplane.api;

/** An API call failed with a catalogued error; nothing was changed. */
public final class ApiException extends RuntimeException {
  private final ApiError error;

  private ApiException(ApiError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  public static ApiException of(ApiError error, Object... args) {
    String message = args.length == 0 ? error.template() : String.format(error.template(), args);
    return new ApiException(error, message.strip());
  }

  public ApiError error() {
    return error;
  }

  public String code() {
    return error.code();
  }

  public int status() {
    return error.status();
  }

  /** A parameter had a wrong value: {@code InvalidParameter} naming the actual and expected value. */
  public static ApiException invalid(String name, Object actual, String expected) {
    return of(ApiError.INVALID_PARAMETER, name, actual + " (expected " + expected + ")");
  }

  public static ApiException missing(String name) {
    return of(ApiError.MISSING_PARAMETER, name);
  }
}
