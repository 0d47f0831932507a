package org.perfledger.infra.embedded;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The token issuer of the local run and of the tests, so that both work offline: an RSA key pair kept in a folder
 * (so tokens stay valid across restarts), its public key as PEM for the services
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), and signed JWTs carrying the claims
 * PerfLedger reads: {@code sub}, {@code district}, {@code department}, {@code roles}. Production uses a real OIDC
 * provider instead.
 */
public final class LocalIssuer implements TokenSource {

    public static final String ISSUER = "https://perfledger.local/issuer";

    private final RSAPrivateKey privateKey;
    private final Path publicKeyFile;

    private LocalIssuer(RSAPrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** Loads the key pair from {@code folder}, or makes one there. */
    public static LocalIssuer in(Path folder) {
        try {
            Files.createDirectories(folder);
            restrict(folder, "rwx------");
            Path privateFile = folder.resolve("private.pk8");
            Path publicFile = folder.resolve("public.pem");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.deleteIfExists(privateFile);
                if (Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null) {
                    // created unreadable to others, before a byte of the key is written
                    Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                }
                Files.write(privateFile, pair.getPrivate().getEncoded());
                Files.writeString(publicFile, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            }
            restrict(privateFile, "rw-------"); // also a key kept from before the rule
            RSAPrivateKey key = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
            return new LocalIssuer(key, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JVM", e);
        }
    }

    /** Only the owner reads the private key and its folder (on file systems that have POSIX permissions). */
    private static void restrict(Path path, String permissions) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    /** For the services' {@code public-key-location}. */
    public String publicKeyLocation() {
        return publicKeyFile.toUri().toString();
    }

    /**
     * A signed token.
     *
     * @param department null for roles that are not bound to one department
     */
    public String token(String subject, String district, String department, Collection<String> roles,
                        Duration lifetime) {
        return sign(subject, district, department, roles, Instant.now().plus(lifetime), privateKey);
    }

    /** A token valid for twelve hours. */
    @Override
    public String token(String subject, String district, String department, Collection<String> roles) {
        return token(subject, district, department, roles, Duration.ofHours(12));
    }

    /** A token with exactly these claims, signed by this issuer's key: how tests forge what a broken provider sends. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jwt.serialize();
    }

    /** A token whose claims are exactly this JSON text (escapes and all), signed by this issuer's key. */
    public String signRaw(String claimsJson) {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload(claimsJson));
        try {
            jws.sign(new RSASSASigner(privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jws.serialize();
    }

    /** A token that expired a minute ago, for tests. */
    public String expiredToken(String subject, String district, String department, Collection<String> roles) {
        return sign(subject, district, department, roles, Instant.now().minusSeconds(60), privateKey);
    }

    /** A well-formed token signed by some other key, for tests. */
    public static String foreignToken(String subject, String district, String department, Collection<String> roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(subject, district, department, roles, Instant.now().plusSeconds(600),
                    (RSAPrivateKey) generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String subject, String district, String department, Collection<String> roles,
                               Instant expires, RSAPrivateKey key) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(expires))
                .claim("roles", List.copyOf(roles));
        if (district != null) {
            claims.claim("district", district);
        }
        if (department != null) {
            claims.claim("department", department);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jwt.serialize();
    }
}
