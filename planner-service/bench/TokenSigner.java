import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Benchmark tokens, JDK only (run as {@code java TokenSigner.java DIR PATIENTS ISSUER CLINIC HOURS}):
 * makes a fresh RSA-2048 key pair, writes its public key (X.509, base64) to DIR/public-key.b64 for
 * {@code quarkus.oidc.public-key}, and one RS256 access token per patient bench-p-000001..N to
 * DIR/tokens.txt (one a line, in subject order), shaped like the backstrong realm's: sub,
 * realm_access.roles=["patient"], clinic_id, iss, iat, exp. The private key never leaves memory.
 */
public class TokenSigner {

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: java TokenSigner.java DIR PATIENTS ISSUER CLINIC VALID_HOURS");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int patients = Integer.parseInt(args[1]);
        String issuer = args[2];
        String clinic = args[3];
        long validSeconds = Long.parseLong(args[4]) * 3600;

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Files.writeString(dir.resolve("public-key.b64"),
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n");

        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        String[] tokens = new String[patients];
        IntStream.range(0, patients).parallel().forEach(i -> {
            String subject = String.format("bench-p-%06d", i + 1);
            String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"iat\":" + now
                    + ",\"exp\":" + (now + validSeconds) + ",\"aud\":\"backstrong-web\",\"typ\":\"Bearer\",\"azp\":\"backstrong-bench\""
                    + ",\"preferred_username\":\"" + subject + "\",\"clinic_id\":\"" + clinic + "\""
                    + ",\"realm_access\":{\"roles\":[\"patient\"]}}";
            String signingInput = header + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            try {
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initSign(keys.getPrivate());
                rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                tokens[i] = signingInput + "." + url.encodeToString(rs256.sign());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> lines = new ArrayList<>(List.of(tokens));
        Files.write(dir.resolve("tokens.txt"), lines);
        System.out.printf("signed %d RS256 tokens (issuer %s, valid %d h)%n", patients, issuer, validSeconds / 3600);
    }
}
