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
      "All BackendServers on one Specified LoadBalancer have to be in the same vpc or all classic"),

  // VServer groups and primary/secondary groups (the action's own group: 404; a reference from a listener: 400 above)
  VSERVER_GROUP_ID_NOT_FOUND(404, "InvalidParameter", "The specified VServerGroupId does not exist."),
  MASTER_SLAVE_GROUP_ID_NOT_FOUND(404, "InvalidParameter", "The specified MasterSlaveGroupId does not exist."),
  BACKEND_SERVER_ALREADY_IN_GROUP(400, "InvalidParameter", "The backend server %s is already in the server group %s."),
  BACKEND_SERVERS_PORT_MALFORMED(400, "BackendServersMalformed",
      "The specified BackendServers is invalid as the Port value should be in [1, 65535]: %s"),
  RSPOOL_VIP_EXIST(400, "RspoolVipExist", "there are vips associating with this vServer group: %s"),
  RSPOOL_RULE_EXIST(400, "RspoolRuleExist", "there are rules associating with this vServer group: %s"),
  VSERVER_GROUP_EMPTY(400, "VServerGroupEmpty",
      "The specified VServerGroupId is invalid; it does not contain vServers: %s"),
  MASTER_SLAVE_NUM_MUST_BE_TWO(400, "BACKEND_SERVERS_NUM_MUST_BE_TWO",
      "MasterSlaveBackendServers must contain exactly two backend servers: %s given."),
  MASTER_SLAVE_ONE_MASTER_ONE_SLAVE(400, "BACKEND_SERVERS_CAN_ONLY_CONTAIN_ONE_MASTER_AND_ONE_SLAVE",
      "MasterSlaveBackendServers must contain one Master and one Slave: %s given."),
  MASTER_SLAVE_SAME_PORT_AND_SERVER(400, "BACKEND_SERVERS_HAVE_SAME_PORT_AND_SERVERID",
      "The Master and the Slave have the same ServerId and Port: %s"),
  MASTER_SLAVE_SERVER_ID_EMPTY(400, "BACKEND_SERVER_ID_CAN_NOT_EMPTY",
      "Every MasterSlaveBackendServers element needs a ServerId."),
  MASTER_SLAVE_PORT_EMPTY(400, "BACKEND_SERVER_PORT_CAN_NOT_EMPTY",
      "Every MasterSlaveBackendServers element needs a Port: %s has none."),
  INVALID_SERVER_TYPE(400, "INVALID_SERVER_TYPE", "The ServerType of %s is invalid: %s (expected Master|Slave)."),

  // forwarding rules
  RULE_NOT_FOUND(404, "InvalidRuleId.NotFound", "Rule does not exist: %s"),
  RULE_NOT_SUPPORT(400, "RuleNotSupport", "Rule is not support in the %s type listener."),
  RULE_LIST_MALFORMED(400, "RuleListMalformed", "The specified RuleList is invalid: %s"),
  DOMAIN_MALFORMED(400, "DomainMalformed",
      "The specified Domain is invalid: %s (expected a domain like www.example.com or *.example.com, at most 80 characters)"),
  URL_MALFORMED(400, "UrlMalformed",
      "The specified Url is invalid: %s (expected 2-80 characters starting with /, not / alone)"),
  DOMAIN_EXIST(400, "DomainExist", "rule with same domain and url already exists in specified vip: %s"),
  RULE_NAME_EXIST(400, "InvalidParameter", "The specified RuleName already exists in the listener: %s"),
  TOO_MANY_RULES(400, "TooManyRules",
      "the number of rules under specified vip is beyond maximum limit: %s (at most %s per listener)"),

  // access control lists, legacy whitelist
  ACL_NAME_EXISTS(400, "AclNameExist", "The specified AclName already exists in the region: %s"),
  ACL_NUMBER_OVER_LIMIT(400, "AclNumberOverLimit", "The maximum number of ACLs in the region is exceeded: %s."),
  ACL_IN_USE(400, "AclInUsing", "The specified ACL %s is associated with listeners: %s"),
  ACL_ENTRY_ILLEGAL(400, "AclEntryIllegal", "The specified AclEntrys is invalid: %s."),
  ACL_ENTRY_VERSION_CONFLICT(400, "IllegalEntry",
      "Entry version is conflict to the acl version: %s is %s, the ACL is %s."),
  ACL_ENTRY_COMMENT_INVALID(400, "InvalidParam.Comment",
      "The specified comment is invalid: %s (expected at most 100 characters)."),
  ACL_ENTRIES_PER_CALL(400, "AclEntryExceedLimit",
      "The maximum number of ACL entries per call is exceeded: %s (expected at most %s)."),
  ACL_ENTRIES_OVER_QUOTA(400, "QuotaLimitExceeds.TotalAclEntry",
      "The maximum number of entries of the ACL is exceeded: %s (expected at most %s)."),
  ACL_ENTRY_EMPTY(400, "AclEntryEmpty",
      "The ACL %s is associated with listeners, so its entries cannot all be removed."),
  ACL_LISTENERS_OVER_QUOTA(400, "QuotaLimitExceeds.AclAttachedToListener",
      "The ACL %s is already associated with %s listeners (expected at most %s)."),
  IP_VERSION_CONFLICT(400, "IpVersionConflict",
      "The IP version of the ACL %s (%s) does not match the load balancer %s (%s)."),
  SOURCE_ITEMS_INVALID(400, "InvalidParameter", "The specified SourceItems is invalid: %s"),
  SOURCE_ITEMS_OVER_QUOTA(400, "SourceItemsQuotaOverLimit",
      "The maximum number of SourceItems is exceeded: %s (expected at most %s)."),

  // tags
  TAG_KEY_INVALID(400, "InvalidParam.TagKey", "The specified TagKey is invalid: %s"),
  TAG_VALUE_INVALID(400, "InvalidParam.TagValue", "The specified TagValue is invalid: %s"),
  TAG_KEY_MISSING(400, "MissingParam.TagKey", "The parameter %s is required."),
  TAG_SIZE_LIMIT(400, "SizeLimitExceeded.Tag", "%s"),
  RESOURCE_ID_SIZE_LIMIT(400, "SizeLimitExceeded.ResourceId",
      "The maximum number of ResourceId.N is exceeded: %s (expected at most %s)."),
  RESOURCE_NOT_FOUND(404, "InvalidResourceId.NotFound", "The specified resource does not exist: %s %s"),
  TAG_COUNT_LIMIT(400, "TagCountLimit",
      "The maximum number of tags of the load balancer is exceeded: %s (expected at most %s)."),
  TAG_CREATE_COUNT_LIMIT(400, "TagCreateCountLimit", "At most %s tags can be added in one call: %s given."),

  // server and CA certificates, domain extensions, TLS cipher policies
  CERTIFICATE_OR_KEY_EMPTY(400, "InvalidParameter", "The specified parameter ServerCertificate or Key is empty."),
  CERTIFICATE_FORMAT_ERROR(400, "InvalidParameter", "The specified parameter %s format is error: %s"),
  CERTIFICATE_EXPIRED(400, "InvalidParameter",
      "The specified parameter %s is expired: it was valid until %s (now %s)."),
  CERTIFICATE_KEY_UNSUPPORTED(400, "InvalidParameter",
      "The specified parameter %s is not Support: %s (expected RSA 1024-4096 bits or ECDSA P-256/P-384/P-521)."),
  KEY_FORMAT_ERROR(400, "KeyFormatError", "The specified parameter key format is error: %s"),
  PRIVATE_KEY_ENCRYPTION(400, "PrivateKeyEncryption",
      "Key has Encrypted: upload the private key without a passphrase (%s)."),
  CERTIFICATE_NOT_MATCH_PRIVATE_KEY(400, "CertificateNotMatchPrivateKey", "Certificate and key does not match: %s"),
  CERTIFICATE_IN_USE(400, "CertificateAndPrivateKeyIsRefered",
      "The specified certificate is bound to listeners. You cannot delete it. (used by %s)"),
  DOMAIN_EXTENSION_NOT_FOUND(400, "InvalidParameter.DomainExtensionId", "The specified DomainExtensionId does not exist."),
  DOMAIN_EXTENSION_EXISTS(400, "InvalidParameter",
      "The specified Domain %s already has a domain extension on the listener %s."),
  TLS_POLICY_IN_USE(400, "ResourceInUse.TLSCipherPolicy",
      "The specified TLSCipherPolicy %s is used by listeners: %s");

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
