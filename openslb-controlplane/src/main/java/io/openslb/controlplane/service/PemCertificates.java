package io.openslb.controlplane.service;

import io.openslb.controlplane.api.ApiError;
import io.openslb.controlplane.api.ApiException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reading uploaded PEM: certificates (leaf first, then its chain) and private keys in the three
 * formats OpenSSL writes (PKCS#8 {@code PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY}, SEC1 {@code EC
 * PRIVATE KEY}). BouncyCastle does the PEM and ASN.1 work; keys and certificates end up as JDK
 * objects, so no security provider is registered. Every failure is an {@link ApiException} with
 * the cloud's code (SEMANTICS.md §7). Stateless and thread-safe.
 */
public final class PemCertificates {
  private static final HexFormat HEX = HexFormat.ofDelimiter(":");
  private static final JcaX509CertificateConverter CONVERTER = new JcaX509CertificateConverter();

  private PemCertificates() {}

  /**
   * What an uploaded certificate text says about itself.
   *
   * @param pem every certificate of the upload, re-encoded, leaf first
   * @param fingerprint colon-separated lower-case hex SHA-1 of the leaf
   * @param algorithm {@code RSA} or {@code ECC}
   * @param keyLength RSA modulus bits or EC field bits
   */
  public record Parsed(
      X509Certificate leaf,
      String pem,
      String fingerprint,
      String commonName,
      List<String> subjectAlternativeNames,
      Instant notAfter,
      String algorithm,
      int keyLength) {}

  /**
   * Parses the certificates in {@code text}, the parameter {@code param}; refuses text without a
   * certificate, anything else mixed in, unsupported key types and a leaf expired at {@code now}.
   */
  public static Parsed certificates(String param, String text, Instant now) {
    List<X509Certificate> certs = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (!(o instanceof X509CertificateHolder holder)) {
          throw ApiException.of(ApiError.CERTIFICATE_FORMAT_ERROR, param,
              "expected only CERTIFICATE blocks, found " + o.getClass().getSimpleName());
        }
        certs.add(CONVERTER.getCertificate(holder));
      }
    } catch (IOException | CertificateException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw ApiException.of(ApiError.CERTIFICATE_FORMAT_ERROR, param, "not a PEM certificate (" + e.getMessage() + ")");
    }
    if (certs.isEmpty()) {
      throw ApiException.of(ApiError.CERTIFICATE_FORMAT_ERROR, param, "no -----BEGIN CERTIFICATE----- block found");
    }
    X509Certificate leaf = certs.get(0);
    Instant notAfter = leaf.getNotAfter().toInstant();
    if (notAfter.isBefore(now)) {
      throw ApiException.of(ApiError.CERTIFICATE_EXPIRED, param, notAfter.truncatedTo(ChronoUnit.SECONDS),
          now.truncatedTo(ChronoUnit.SECONDS));
    }
    PublicKey pub = leaf.getPublicKey();
    String algorithm;
    int length;
    if (pub instanceof RSAPublicKey rsa) {
      algorithm = "RSA";
      length = rsa.getModulus().bitLength();
      if (length < 1024 || length > 4096) {
        throw ApiException.of(ApiError.CERTIFICATE_KEY_UNSUPPORTED, param, "RSA " + length + " bits");
      }
    } else if (pub instanceof ECPublicKey ec) {
      algorithm = "ECC";
      length = ec.getParams().getCurve().getField().getFieldSize();
      if (length != 256 && length != 384 && length != 521) {
        throw ApiException.of(ApiError.CERTIFICATE_KEY_UNSUPPORTED, param, "EC " + length + " bits");
      }
    } else {
      throw ApiException.of(ApiError.CERTIFICATE_KEY_UNSUPPORTED, param, pub.getAlgorithm());
    }
    return new Parsed(leaf, encode(certs), fingerprint(leaf), commonName(leaf), dnsNames(leaf), notAfter,
        algorithm, length);
  }

  /**
   * Parses the private key and checks that it belongs to {@code leaf}; answers it as unencrypted
   * PKCS#8 PEM. Encrypted keys: PrivateKeyEncryption; unreadable ones: KeyFormatError; another
   * certificate's key: CertificateNotMatchPrivateKey.
   */
  public static String privateKey(String text, X509Certificate leaf) {
    PrivateKeyInfo info = null;
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      for (Object o = parser.readObject(); o != null && info == null; o = parser.readObject()) {
        if (o instanceof ASN1ObjectIdentifier || o instanceof X9ECParameters) {
          continue; // an "EC PARAMETERS" block before the key, as "openssl ecparam -genkey" writes it
        }
        if (o instanceof PEMEncryptedKeyPair) {
          throw ApiException.of(ApiError.PRIVATE_KEY_ENCRYPTION, "Proc-Type: 4,ENCRYPTED");
        }
        if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw ApiException.of(ApiError.PRIVATE_KEY_ENCRYPTION, "ENCRYPTED PRIVATE KEY");
        }
        if (o instanceof PEMKeyPair pair) {
          info = pair.getPrivateKeyInfo();
        } else if (o instanceof PrivateKeyInfo pkcs8) {
          info = pkcs8;
        } else {
          throw ApiException.of(ApiError.KEY_FORMAT_ERROR, "expected a private key, found " + o.getClass().getSimpleName());
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw ApiException.of(ApiError.KEY_FORMAT_ERROR, "not a PEM private key (" + e.getMessage() + ")");
    }
    if (info == null) {
      throw ApiException.of(ApiError.KEY_FORMAT_ERROR, "no -----BEGIN ... PRIVATE KEY----- block found");
    }
    info = withCurveOf(info, leaf);
    PrivateKey key = toJdkKey(info);
    checkMatch(key, leaf);
    return pem("PRIVATE KEY", encoded(info));
  }

  /**
   * A SEC1 key may leave out its curve (BouncyCastle's PEM writer does; OpenSSL keeps it); the JDK
   * cannot read such a key, so the curve of the certificate's EC key is used.
   */
  private static PrivateKeyInfo withCurveOf(PrivateKeyInfo info, X509Certificate leaf) {
    ASN1Encodable params = info.getPrivateKeyAlgorithm().getParameters();
    boolean noCurve = params == null || params instanceof ASN1Null;
    if (!noCurve || !info.getPrivateKeyAlgorithm().getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)
        || !(leaf.getPublicKey() instanceof ECPublicKey)) {
      return info;
    }
    try {
      AlgorithmIdentifier curve = SubjectPublicKeyInfo.getInstance(leaf.getPublicKey().getEncoded()).getAlgorithm();
      return new PrivateKeyInfo(curve, info.parsePrivateKey());
    } catch (IOException e) {
      throw ApiException.of(ApiError.KEY_FORMAT_ERROR, "unreadable EC key (" + e.getMessage() + ")");
    }
  }

  private static PrivateKey toJdkKey(PrivateKeyInfo info) {
    ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
    String algorithm;
    if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      algorithm = "RSA";
    } else if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      algorithm = "EC";
    } else {
      throw ApiException.of(ApiError.KEY_FORMAT_ERROR, "unsupported key algorithm " + oid + " (expected RSA or EC)");
    }
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(encoded(info)));
    } catch (GeneralSecurityException e) {
      throw ApiException.of(ApiError.KEY_FORMAT_ERROR, "unreadable " + algorithm + " key (" + e.getMessage() + ")");
    }
  }

  /** The key matches when a signature it makes verifies with the certificate's public key. */
  private static void checkMatch(PrivateKey key, X509Certificate leaf) {
    PublicKey pub = leaf.getPublicKey();
    String keyType = key.getAlgorithm().equals("RSA") ? "RSA" : "EC";
    String certType = pub instanceof RSAPublicKey ? "RSA" : "EC";
    if (!keyType.equals(certType)) {
      throw ApiException.of(ApiError.CERTIFICATE_NOT_MATCH_PRIVATE_KEY,
          "the key is " + keyType + ", the certificate's key is " + certType);
    }
    byte[] probe = new byte[32];
    new SecureRandom().nextBytes(probe);
    boolean ok;
    try {
      Signature signer = Signature.getInstance(keyType.equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA");
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      signer.initVerify(pub);
      signer.update(probe);
      ok = signer.verify(signature);
    } catch (GeneralSecurityException e) {
      ok = false;
    }
    if (!ok) {
      throw ApiException.of(ApiError.CERTIFICATE_NOT_MATCH_PRIVATE_KEY,
          "the private key does not belong to the certificate " + leaf.getSubjectX500Principal().getName());
    }
  }

  static String fingerprint(X509Certificate cert) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }

  private static String commonName(X509Certificate cert) {
    RDN[] cns = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
    return cns.length == 0 ? null : IETFUtils.valueToString(cns[0].getFirst().getValue());
  }

  /** The DNS names of the subjectAltName extension (type 2), in certificate order. */
  private static List<String> dnsNames(X509Certificate cert) {
    List<String> out = new ArrayList<>();
    try {
      Collection<List<?>> names = cert.getSubjectAlternativeNames();
      if (names != null) {
        for (List<?> n : names) {
          if (n.size() >= 2 && Integer.valueOf(2).equals(n.get(0))) {
            out.add(String.valueOf(n.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      throw ApiException.of(ApiError.CERTIFICATE_FORMAT_ERROR, "ServerCertificate", "bad subjectAltName: " + e.getMessage());
    }
    return out;
  }

  private static String encode(List<X509Certificate> certs) {
    StringBuilder sb = new StringBuilder();
    for (X509Certificate c : certs) {
      try {
        sb.append(pem("CERTIFICATE", c.getEncoded()));
      } catch (CertificateException e) {
        throw new IllegalStateException("a parsed certificate re-encodes", e);
      }
    }
    return sb.toString();
  }

  private static byte[] encoded(PrivateKeyInfo info) {
    try {
      return info.getEncoded();
    } catch (IOException e) {
      throw ApiException.of(ApiError.KEY_FORMAT_ERROR, e.getMessage());
    }
  }

  private static String pem(String type, byte[] der) {
    StringWriter out = new StringWriter();
    try (PemWriter w = new PemWriter(out)) {
      w.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string", e);
    }
    return out.toString().replace("\r\n", "\n");
  }
}
