package io.openslb.it;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Certificates and keys made on the fly with BouncyCastle for the certificate tests (nothing is
 * checked in): RSA 2048 and EC P-256 keys, self-signed and CA-signed certificates, expired ones,
 * and the PEM encodings OpenSSL users upload (PKCS#8, PKCS#1, SEC1, encrypted). Uses the JDK's
 * providers only, so the server in the same JVM sees an untouched provider list. Key generation is
 * the slow part, so a few key pairs are made once and shared.
 */
final class TestCertificates {
  private static final SecureRandom RANDOM = new SecureRandom();
  /**
   * For the encrypted keys only (the JDK lacks OpenSSL's key derivation and PKCS7 padding names):
   * passed in, never registered, so the server in this JVM keeps the JDK's providers.
   */
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  static final KeyPair RSA_A = rsa();
  static final KeyPair RSA_B = rsa();
  static final KeyPair EC_A = ec();
  static final KeyPair EC_B = ec();

  private TestCertificates() {}

  /** A certificate and the key pair it certifies. */
  record Issued(X509Certificate cert, KeyPair keys) {
    String certPem() {
      return pem(cert);
    }

    /** {@code BEGIN PRIVATE KEY}. */
    String pkcs8() {
      try {
        return pem(new JcaPKCS8Generator(keys.getPrivate(), null));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }

    /**
     * {@code BEGIN RSA PRIVATE KEY} (PKCS#1) or {@code BEGIN EC PRIVATE KEY} (SEC1 with the named
     * curve and the public key, as {@code openssl ec} writes it).
     */
    String traditional() {
      if (!keys.getPrivate().getAlgorithm().equals("EC")) {
        return pem(keys.getPrivate());
      }
      try {
        PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(pkcs8.parsePrivateKey());
        DERBitString publicKey =
            new DERBitString(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData().getBytes());
        ECPrivateKey full = new ECPrivateKey(256, inner.getKey(), publicKey, pkcs8.getPrivateKeyAlgorithm().getParameters());
        return pem(new PemObject("EC PRIVATE KEY", full.getEncoded()));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }

    /** {@code BEGIN EC PRIVATE KEY} without the curve, as BouncyCastle's PEM writer makes it. */
    String sec1WithoutParameters() {
      return pem(keys.getPrivate());
    }

    /** {@code BEGIN ENCRYPTED PRIVATE KEY}: PKCS#8 encrypted with a passphrase. */
    String encryptedPkcs8() {
      try {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
            .setProvider(BC).setPassword("secret".toCharArray()).build();
        return pem(new JcaPKCS8Generator(keys.getPrivate(), encryptor));
      } catch (OperatorCreationException | IOException e) {
        throw new AssertionError(e);
      }
    }

    /** {@code BEGIN RSA PRIVATE KEY} with {@code Proc-Type: 4,ENCRYPTED}, as {@code openssl rsa -aes128} writes. */
    String legacyEncrypted() {
      StringWriter out = new StringWriter();
      try (JcaPEMWriter w = new JcaPEMWriter(out)) {
        w.writeObject(keys.getPrivate(),
            new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build("secret".toCharArray()));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      return out.toString();
    }

    /** Colon-separated lower-case hex SHA-1 of the DER certificate. */
    String fingerprint() {
      try {
        return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
      } catch (GeneralSecurityException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** A server certificate signing itself, valid from an hour ago for a year. */
  static Issued selfSigned(KeyPair keys, String cn, String... dnsNames) {
    Instant now = Instant.now();
    return build(keys, cn, List.of(dnsNames), false, null, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
  }

  /** A self-signed certificate that expired yesterday. */
  static Issued expired(KeyPair keys, String cn) {
    Instant now = Instant.now();
    return build(keys, cn, List.of(cn), false, null, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
  }

  /** A CA certificate (basicConstraints cA=true, keyCertSign) signing itself. */
  static Issued ca(KeyPair keys, String cn) {
    Instant now = Instant.now();
    return build(keys, cn, List.of(), true, null, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3650)));
  }

  /** A server certificate issued by {@code issuer}. */
  static Issued signedBy(Issued issuer, KeyPair keys, String cn, String... dnsNames) {
    Instant now = Instant.now();
    return build(keys, cn, List.of(dnsNames), false, issuer, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(90)));
  }

  /** The SEC1 key preceded by the {@code EC PARAMETERS} block, as {@code openssl ecparam -genkey} writes it. */
  static String withEcParameters(Issued ec) {
    try {
      return pem(new PemObject("EC PARAMETERS", SECObjectIdentifiers.secp256r1.getEncoded())) + ec.traditional();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static String pem(Object... objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      for (Object o : objects) {
        w.writeObject(o);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toString();
  }

  private static Issued build(
      KeyPair keys, String cn, List<String> dnsNames, boolean isCa, Issued issuer, Instant from, Instant to) {
    X500Name subject = new X500Name("CN=" + cn + ",O=OpenSLB test,C=CN");
    X500Name issuerName = issuer == null ? subject
        : X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded());
    PrivateKey signingKey = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
    try {
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(64, RANDOM),
          Date.from(from), Date.from(to), subject, keys.getPublic());
      if (!dnsNames.isEmpty()) {
        GeneralName[] names = dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new);
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      }
      if (isCa) {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      }
      String algorithm = switch (signingKey.getAlgorithm()) {
        case "RSA" -> "SHA256withRSA";
        case "EC" -> "SHA256withECDSA";
        default -> "Ed25519";
      };
      X509Certificate cert = new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
      return new Issued(cert, keys);
    } catch (Exception e) {
      throw new AssertionError("cannot make a test certificate", e);
    }
  }

  static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048, RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** An Ed25519 key pair: a key type the cloud does not accept for certificates. */
  static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static KeyPair ec() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
