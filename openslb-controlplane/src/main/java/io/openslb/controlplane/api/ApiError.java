package io.openslb.controlplane.api;

/**
 * The one error catalogue: code, HTTP status and message template as the cloud sends them. A
 * template's {@code %s} are filled by {@link ApiException#of}. Codes and statuses follow
 * shared/api/PROTOCOL.md §4.
 */
public enum ApiError {
  // gateway and authentication
  MISSING_PARAMETER(400, "MissingParameter",
      "The input parameter \"%s\" that is mandatory for processing this request is not supplied."),
  INVALID_PARAMETER(400, "InvalidParameter", "The specified parameter \"%s\" is not valid: %s"),
  INVALID_PARAMETER_MESSAGE(400, "InvalidParameter", "%s"),
  INVALID_ACTION(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method."),
  INVALID_VERSION(400, "InvalidVersion", "Specified parameter Version is not valid."),
  UNSUPPORTED_HTTP_METHOD(400, "UnsupportedHTTPMethod", "This http method is not supported."),
  INCOMPLETE_SIGNATURE(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards. %s"),
  SIGNATURE_DOES_NOT_MATCH(400, "SignatureDoesNotMatch",
      "Specified signature is not matched with our calculation. server string to sign is:%s"),
  INVALID_TIMESTAMP_EXPIRED(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."),
  ILLEGAL_TIMESTAMP(400, "IllegalTimestamp",
      "The input parameter \"Timestamp\" that is mandatory for processing this request is not supplied."),
  SIGNATURE_NONCE_USED(400, "SignatureNonceUsed", "Specified signature nonce was used already."),
  INVALID_ACCESS_KEY_NOT_FOUND(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."),
  INVALID_ACCESS_KEY_INACTIVE(400, "InvalidAccessKeyId.Inactive", "Specified access key is disabled."),
  INVALID_REGION(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist."),
  IDEMPOTENT_MISMATCH(400, "IdempotentParameterMismatch",
      "The ClientToken is conflict: it was used with different parameters."),
  INTERNAL_ERROR(500, "InternalError",
      "The request processing has failed due to some unknown error, exception or failure."),
  SERVICE_UNAVAILABLE(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."),

  // load balancers
  LOAD_BALANCER_NOT_FOUND(404, "InvalidLoadBalancerId.NotFound", "The specified LoadBalancerId does not exist."),
  DELETE_PROTECTION_ON(400, "OperationDenied.DeleteProtectionIsOn",
      "The loadbalancer can not be deleted due to DeleteProtection is enabled."),
  INVALID_CHARGE_TYPE(400, "InvalidChargeType", "The subscription (PrePay) instance cannot be deleted by API."),
  LOCKED(400, "ActionNotAllowed", "Locked for any Business Reason."),
  OVER_QUOTA(400, "OverQuota", "The Total is over the quota: %s"),
  ADDRESS_NOT_IN_POOL(400, "InvalidParameter", "The IP address is not in subnet: %s (VIP pool %s)"),
  ADDRESS_USED(400, "InvalidParameter", "The specified Address %s is already in use."),
  SUBNET_IP_EXHAUST(400, "SubnetIpExhaust", "No address left in the VIP pool %s."),
  OPERATION_NOT_ALLOWED(400, "Operation.NotAllowed", "%s"),
  ACTION_NOT_ALLOWED(400, "ActionNotAllowed", "%s"),
  OPERATION_DENIED_PAY_BY_CLCU(400, "OperationDenied.PayByCLCU",
      "The operation is not allowed because the instance is billed by CLCU."),
  CHANGE_SPEC_NOT_ALLOWED(400, "ChangeLbSpecNotAllowed", "%s"),

  // listeners
  LISTENER_NOT_FOUND(404, "ListenerNotFound", "The specified resource does not exist."),
  LISTENER_ATTRIBUTE_NOT_FOUND(400, "InvalidParameter", "The specified resource does not exist."),
  LISTENER_ALREADY_EXISTS(400, "ListenerAlreadyExists", "A listener with the specified port already exists."),
  LISTENER_NUMBER_OVER_LIMIT(400, "ListenerNumberOverLimit",
      "The maximum number of listeners is exceeded: %s."),
  LISTENER_STATUS_NOT_SUPPORT(400, "OperationFailed.ListenerStatusNotSupport",
      "The status of the listener does not support this operation. Please try again later. (status: %s)"),
  BACKEND_PORT_OR_GROUP_REQUIRED(400, "MissingParameter",
      "The BackendServerPort or VServerGroupId is required at lease one."),
  GROUP_MISMATCH(400, "Abs.VServerGroupIdAndMasterSlaveServerGroupId.MissMatch",
      "VServerGroupId and MasterSlaveServerGroupId cannot be used together."),
  VSERVER_GROUP_NOT_FOUND(400, "InvalidParameter", "The specified VServerGroupId does not exist."),
  MASTER_SLAVE_GROUP_NOT_FOUND(400, "InvalidParameter", "The specified MasterSlaveGroupId does not exist."),
  BANDWIDTH_EXCEEDS_INSTANCE(400, "InvalidParameter",
      "The specified Bandwidth is invalid. It exceeds the maximum bandwidth available to the instance."),
  SCHEDULER_CHANGE_NOT_ALLOWED(400, "InvalidParameter",
      "The specified Scheduler is invalid: cannot change from %s to %s."),
  CHECKED_LISTENER_NOT_FOUND(404, "CheckedListenerNotFound",
      "No health-checked Listener to the specified port of the Load Balancer."),
  CERTIFICATE_NOT_FOUND(404, "ServerCertificateId.NotFound", "The specified ServerCertificateId does not exist."),
  CA_CERTIFICATE_NOT_FOUND(404, "CACertificateId.NotFound", "The specified CACertificateId does not exist."),
  ACL_NOT_FOUND(404, "AclNotExist", "The specified AclId does not exist."),
  TLS_POLICY_NOT_FOUND(400, "InvalidParameter", "The specified TLSCipherPolicy does not exist: %s"),
  SERVER_CERTIFICATE_ID_EMPTY(400, "InvalidParameter", "The specified parameter ServerCertificateId is empty."),
  SPEC_NOT_SUPPORTED(400, "UnsupportedOperation", "The Loadbalancer doesn't support this function. (%s)"),

  // backend servers
  TOO_MANY_BACKEND_SERVERS(400, "TooManyBackendServers",
      "The total number of input real servers exceeds max supported number: %s"),
  BACKEND_SERVERS_OVER_QUOTA(400, "OverQuota", "The number of backend servers of the load balancer exceeds %s."),
  BACKEND_SERVERS_MALFORMED(400, "InvalidParameter", "The specified BackendServers is invalid: %s"),
  INVALID_WEIGHT(400, "InvalidWeight.Malformed", "A specified weight is not valid: %s (expected 0-100)."),
  SERVER_NOT_FOUND(404, "InvalidServerId.NotFound", "The specified ServerId does not exist: %s"),
  OBTAIN_IP_FAIL(400, "ObtainIpFail",
      "The specified BackendServers is invalid; some of the specified backend servers do not exist or are not running: %s"),
  BACKEND_SERVER_ALREADY_ADDED(400, "InvalidParameter", "The backend server %s is already added to the load balancer."),
  BACKEND_SERVERS_INCONSISTENT(400, "InvalidBackendServers.Inconsistent",
      "All BackendServers on one Specified LoadBalancer have to be in the same vpc or all classic");

  private final int status;
  private final String code;
  private final String template;

  ApiError(int status, String code, String template) {
    this.status = status;
    this.code = code;
    this.template = template;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String template() {
    return template;
  }
}
