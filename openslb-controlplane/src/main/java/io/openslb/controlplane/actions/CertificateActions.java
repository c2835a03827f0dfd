package io.openslb.controlplane.actions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openslb.controlplane.api.ActionRegistry;
import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import io.openslb.controlplane.api.Call;
import io.openslb.controlplane.api.Json;
import io.openslb.controlplane.api.Params;
import io.openslb.controlplane.service.Ids;
import io.openslb.controlplane.service.PemCertificates;
import io.openslb.controlplane.service.TlsQuotas;
import io.openslb.model.ServerCertificate;
import io.openslb.model.Tag;
import io.openslb.store.StoreLayout;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The 8 certificate actions: Upload, Delete, Set*Name and Describe for server certificates (with
 * private key) and CA certificates (without). Both kinds share the {@link ServerCertificate} record
 * and differ in key prefix, parameter names and not-found code (SEMANTICS.md §7). PEM texts are
 * stored for the data plane and never returned.
 */
public final class CertificateActions {
  /** 1-80 characters, starting with a letter; letters, digits, space and {@code . _ - / *}. */
  static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{N} ._\\-/*]{0,79}");
  private static final String NAME_RULE = "1-80 characters starting with a letter: letters, digits, space, . _ - / *";

  /** How the two kinds differ on the wire and in the store. */
  private enum Kind {
    SERVER(ServerCertificate.SERVER, "ServerCertificate", "ServerCertificateId", "ServerCertificateName",
        "ServerCertificates", ApiError.CERTIFICATE_NOT_FOUND),
    CA(ServerCertificate.CA, "CACertificate", "CACertificateId", "CACertificateName", "CACertificates",
        ApiError.CA_CERTIFICATE_NOT_FOUND);

    final String stored;
    final String pemParam;
    final String idParam;
    final String nameParam;
    final String container;
    final ApiError notFound;

    Kind(String stored, String pemParam, String idParam, String nameParam, String container, ApiError notFound) {
      this.stored = stored;
      this.pemParam = pemParam;
      this.idParam = idParam;
      this.nameParam = nameParam;
      this.container = container;
      this.notFound = notFound;
    }

    String key(Call call, String id) {
      return this == SERVER
          ? StoreLayout.serverCertificate(call.accountId(), call.regionId(), id)
          : StoreLayout.caCertificate(call.accountId(), call.regionId(), id);
    }

    String prefix(Call call) {
      return this == SERVER
          ? StoreLayout.serverCertificates(call.accountId(), call.regionId())
          : StoreLayout.caCertificates(call.accountId(), call.regionId());
    }
  }

  private final TlsQuotas quotas;

  public CertificateActions(TlsQuotas quotas) {
    this.quotas = quotas;
  }

  public void registerTo(ActionRegistry registry) {
    registry
        .register("UploadServerCertificate", this::uploadServer)
        .register("DeleteServerCertificate", call -> delete(call, Kind.SERVER))
        .register("SetServerCertificateName", call -> setName(call, Kind.SERVER))
        .register("DescribeServerCertificates", call -> describe(call, Kind.SERVER))
        .register("UploadCACertificate", this::uploadCa)
        .register("DeleteCACertificate", call -> delete(call, Kind.CA))
        .register("SetCACertificateName", call -> setName(call, Kind.CA))
        .register("DescribeCACertificates", call -> describe(call, Kind.CA));
  }

  ObjectNode uploadServer(Call call) {
    Params p = call.params();
    if (p.has("AliCloudCertificateId") || p.has("AliCloudCertificateName")) {
      throw ApiException.invalid("AliCloudCertificateId", p.string("AliCloudCertificateId").orElse(""),
          "absent: this server has no Alibaba Cloud Certificate Service; upload ServerCertificate and PrivateKey");
    }
    Optional<String> name = p.matching("ServerCertificateName", NAME, NAME_RULE);
    String certificateText = p.string("ServerCertificate").orElse(null);
    String keyText = p.string("PrivateKey").orElse(null);
    if (certificateText == null || keyText == null) {
      throw ApiException.of(ApiError.CERTIFICATE_OR_KEY_EMPTY);
    }
    PemCertificates.Parsed cert = PemCertificates.certificates("ServerCertificate", certificateText, call.now());
    String keyPem = PemCertificates.privateKey(keyText, cert.leaf());
    ServerCertificate stored = store(call, Kind.SERVER, name, cert, keyPem);
    ObjectNode out = Json.object();
    out.put("ServerCertificateId", stored.id());
    out.put("ServerCertificateName", stored.name());
    putMetadata(out, call, stored);
    Json.wrapped(out, "SubjectAlternativeNames", "SubjectAlternativeName", stored.subjectAlternativeNames(),
        Json.MAPPER::valueToTree);
    out.put("IsAliCloudCertificate", 0);
    return out;
  }

  ObjectNode uploadCa(Call call) {
    Params p = call.params();
    Optional<String> name = p.matching("CACertificateName", NAME, NAME_RULE);
    String text = p.required("CACertificate");
    PemCertificates.Parsed cert = PemCertificates.certificates("CACertificate", text, call.now());
    ServerCertificate stored = store(call, Kind.CA, name, cert, null);
    ObjectNode out = Json.object();
    out.put("CACertificateId", stored.id());
    out.put("CACertificateName", stored.name());
    putMetadata(out, call, stored);
    return out;
  }

  private ServerCertificate store(
      Call call, Kind kind, Optional<String> name, PemCertificates.Parsed cert, String keyPem) {
    int quota = kind == Kind.SERVER ? quotas.serverCertificatesPerRegion() : quotas.caCertificatesPerRegion();
    int existing = call.tx().keys(kind.prefix(call)).size();
    if (existing >= quota) {
      throw ApiException.of(ApiError.OVER_QUOTA,
          "at most " + quota + " " + (kind == Kind.SERVER ? "server" : "CA") + " certificates per region");
    }
    long now = call.now().toEpochMilli();
    String id;
    do {
      id = Ids.certificate(call.accountId(), now);
    } while (call.tx().exists(kind.key(call, id)));
    ServerCertificate c = new ServerCertificate(id, kind.stored, name.orElse(id), cert.fingerprint(),
        cert.commonName(), cert.subjectAlternativeNames(), cert.notAfter().toEpochMilli(), now, cert.algorithm(),
        cert.keyLength(), cert.pem(), keyPem, call.params().string("ResourceGroupId").orElse(null));
    call.tx().put(kind.key(call, id), c);
    return c;
  }

  ObjectNode delete(Call call, Kind kind) {
    ServerCertificate c = find(call, kind);
    List<String> users = kind == Kind.SERVER
        ? HttpsResources.serverCertificateUsers(call, c.id())
        : HttpsResources.caCertificateUsers(call, c.id());
    if (!users.isEmpty()) {
      throw ApiException.of(ApiError.CERTIFICATE_IN_USE, String.join(", ", users));
    }
    call.tx().delete(kind.key(call, c.id()));
    ResourceTags.delete(call, ResourceTags.CERTIFICATE, c.id());
    return Json.object();
  }

  ObjectNode setName(Call call, Kind kind) {
    Params p = call.params();
    ServerCertificate c = find(call, kind);
    String name = p.matching(kind.nameParam, NAME, NAME_RULE).orElseThrow(() -> ApiException.missing(kind.nameParam));
    if (!name.equals(c.name())) {
      call.tx().put(kind.key(call, c.id()), new ServerCertificate(c.id(), c.kind(), name, c.fingerprint(),
          c.commonName(), c.subjectAlternativeNames(), c.expireTime(), c.createTime(), c.encryptionAlgorithm(),
          c.encryptionKeyLength(), c.certificatePem(), c.privateKeyPem(), c.resourceGroupId()));
    }
    return Json.object();
  }

  /** Every certificate of the region, or those named by the id filter (comma-separated ids accepted). */
  ObjectNode describe(Call call, Kind kind) {
    Params p = call.params();
    Optional<Set<String>> ids = p.string(kind.idParam)
        .map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).collect(Collectors.toSet()));
    Optional<String> group = p.string("ResourceGroupId");
    List<ServerCertificate> all = call.tx().list(kind.prefix(call), ServerCertificate.class).stream()
        .filter(c -> ids.isEmpty() || ids.get().contains(c.id()))
        .filter(c -> group.isEmpty() || group.get().equals(c.resourceGroupId()))
        .sorted(Comparator.comparingLong(ServerCertificate::createTime).thenComparing(ServerCertificate::id))
        .toList();
    ObjectNode out = Json.object();
    String item = kind == Kind.SERVER ? "ServerCertificate" : "CACertificate";
    ArrayNode list = out.putObject(kind.container).putArray(item);
    for (ServerCertificate c : all) {
      ObjectNode n = list.addObject();
      n.put(kind.idParam, c.id());
      Json.putIfNotNull(n, kind.nameParam, c.name());
      putMetadata(n, call, c);
      Json.putIfNotNull(n, "EncryptionAlgorithm", c.encryptionAlgorithm());
      if (c.encryptionKeyLength() > 0) {
        n.put("EncryptionKeyLength", c.encryptionKeyLength());
      }
      if (kind == Kind.SERVER) {
        Json.wrapped(n, "SubjectAlternativeNames", "SubjectAlternativeName", c.subjectAlternativeNames(),
            Json.MAPPER::valueToTree);
        n.put("IsAliCloudCertificate", 0);
      }
      ArrayNode tags = n.putObject("Tags").putArray("Tag");
      for (Tag t : ResourceTags.get(call, ResourceTags.CERTIFICATE, c.id())) {
        ObjectNode tag = tags.addObject();
        tag.put("TagKey", t.key());
        Json.putIfNotNull(tag, "TagValue", t.value());
      }
    }
    return out;
  }

  /** The fields Upload and Describe share; never the PEM texts. */
  private static void putMetadata(ObjectNode n, Call call, ServerCertificate c) {
    Json.putIfNotNull(n, "Fingerprint", c.fingerprint());
    Json.putIfNotNull(n, "CommonName", c.commonName());
    if (c.expireTime() > 0) {
      n.put("ExpireTime", HttpsResources.isoSeconds(c.expireTime()));
      n.put("ExpireTimeStamp", c.expireTime());
    }
    if (c.createTime() > 0) {
      n.put("CreateTime", HttpsResources.isoSeconds(c.createTime()));
      n.put("CreateTimeStamp", c.createTime());
    }
    n.put("RegionId", call.regionId());
    n.put("RegionIdAlias", call.regionId());
    Json.putIfNotNull(n, "ResourceGroupId", c.resourceGroupId());
  }

  private static ServerCertificate find(Call call, Kind kind) {
    String id = call.params().required(kind.idParam);
    ServerCertificate c = call.tx().get(kind.key(call, id), ServerCertificate.class)
        .orElseThrow(() -> ApiException.of(kind.notFound));
    return c;
  }
}
