package org.vetted.contract.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ed25519 (BouncyCastle) against RFC 8032's own test vectors and against the JDK's Ed25519, kept here as an
 * independent implementation: the same signatures, byte for byte, and the same verdicts.
 */
class Ed25519Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final JWSHeader EDDSA = new JWSHeader(JWSAlgorithm.EdDSA);
    /** The order of the group (RFC 8032 section 5.1): a signature's S must be below it. */
    private static final BigInteger L =
            BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    /** RFC 8032 section 7.1, TEST 1024: its message of 1023 bytes, as the RFC prints it. */
    private static final String MESSAGE_1023 = """
            08b8b2b733424243760fe426a4b54908
            632110a66c2f6591eabd3345e3e4eb98
            fa6e264bf09efe12ee50f8f54e9f77b1
            e355f6c50544e23fb1433ddf73be84d8
            79de7c0046dc4996d9e773f4bc9efe57
            38829adb26c81b37c93a1b270b20329d
            658675fc6ea534e0810a4432826bf58c
            941efb65d57a338bbd2e26640f89ffbc
            1a858efcb8550ee3a5e1998bd177e93a
            7363c344fe6b199ee5d02e82d522c4fe
            ba15452f80288a821a579116ec6dad2b
            3b310da903401aa62100ab5d1a36553e
            06203b33890cc9b832f79ef80560ccb9
            a39ce767967ed628c6ad573cb116dbef
            efd75499da96bd68a8a97b928a8bbc10
            3b6621fcde2beca1231d206be6cd9ec7
            aff6f6c94fcd7204ed3455c68c83f4a4
            1da4af2b74ef5c53f1d8ac70bdcb7ed1
            85ce81bd84359d44254d95629e9855a9
            4a7c1958d1f8ada5d0532ed8a5aa3fb2
            d17ba70eb6248e594e1a2297acbbb39d
            502f1a8c6eb6f1ce22b3de1a1f40cc24
            554119a831a9aad6079cad88425de6bd
            e1a9187ebb6092cf67bf2b13fd65f270
            88d78b7e883c8759d2c4f5c65adb7553
            878ad575f9fad878e80a0c9ba63bcbcc
            2732e69485bbc9c90bfbd62481d9089b
            eccf80cfe2df16a2cf65bd92dd597b07
            07e0917af48bbb75fed413d238f5555a
            7a569d80c3414a8d0859dc65a46128ba
            b27af87a71314f318c782b23ebfe808b
            82b0ce26401d2e22f04d83d1255dc51a
            ddd3b75a2b1ae0784504df543af8969b
            e3ea7082ff7fc9888c144da2af58429e
            c96031dbcad3dad9af0dcbaaaf268cb8
            fcffead94f3c7ca495e056a9b47acdb7
            51fb73e666c6c655ade8297297d07ad1
            ba5e43f1bca32301651339e22904cc8c
            42f58c30c04aafdb038dda0847dd988d
            cda6f3bfd15c4b4c4525004aa06eeff8
            ca61783aacec57fb3d1f92b0fe2fd1a8
            5f6724517b65e614ad6808d6f6ee34df
            f7310fdc82aebfd904b01e1dc54b2927
            094b2db68d6f903b68401adebf5a7e08
            d78ff4ef5d63653a65040cf9bfd4aca7
            984a74d37145986780fc0b16ac451649
            de6188a7dbdf191f64b5fc5e2ab47b57
            f7f7276cd419c17a3ca8e1b939ae49e4
            88acba6b965610b5480109c8b17b80e1
            b7b750dfc7598d5d5011fd2dcc5600a3
            2ef5b52a1ecc820e308aa342721aac09
            43bf6686b64b2579376504ccc493d97e
            6aed3fb0f9cd71a43dd497f01f17c0e2
            cb3797aa2a2f256656168e6c496afc5f
            b93246f6b1116398a346f1a641f3b041
            e989f7914f90cc2c7fff357876e506b5
            0d334ba77c225bc307ba537152f3f161
            0e4eafe595f6d9d90d11faa933a15ef1
            369546868a7f3a45a96768d40fd9d034
            12c091c6315cf4fde7cb68606937380d
            b2eaaa707b4c4185c32eddcdd306705e
            4dc1ffc872eeee475a64dfac86aba41c
            0618983f8741c5ef68d3a101e8a3b8ca
            c60c905c15fc910840b94c00a0b9d0
            """;

    static Stream<Arguments> rfc8032() {
        return Stream.of(
                Arguments.of(
                        "TEST 1",
                        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                        "",
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
                Arguments.of(
                        "TEST 2",
                        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                        "72",
                        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
                Arguments.of(
                        "TEST 3",
                        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
                        "af82",
                        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                                + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
                Arguments.of(
                        "TEST 1024",
                        "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
                        "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
                        MESSAGE_1023.replaceAll("\\s", ""),
                        "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350"
                                + "aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc8032")
    void theRfcsTestVectorsSignAndVerify(String test, String d, String x, String message, String signature)
            throws Exception {
        OctetKeyPair key = key(HEX.parseHex(d), HEX.parseHex(x));
        byte[] m = HEX.parseHex(message);
        if (test.equals("TEST 1024")) {
            assertThat(m).hasSize(1023);
        }

        assertThat(sign(key, m)).isEqualTo(HEX.parseHex(signature));
        assertThat(verify(key, m, HEX.parseHex(signature))).isTrue();
        // The oracle gives the same: what the tests below compare are two right answers.
        assertThat(jdkSign(key, m)).isEqualTo(HEX.parseHex(signature));
        assertThat(jdkVerify(key, m, HEX.parseHex(signature))).isTrue();
    }

    @Test
    void signaturesAreTheJdksByteForByteAndEachVerifiesTheOthers() throws Exception {
        Random random = new Random(19);
        for (int i = 0; i < 8; i++) {
            OctetKeyPair key = Ed25519.generate("k-" + i);
            byte[] message = new byte[random.nextInt(2_000)];
            random.nextBytes(message);

            byte[] ours = sign(key, message);
            byte[] jdks = jdkSign(key, message);

            assertThat(ours).isEqualTo(jdks);
            assertThat(jdkVerify(key, message, ours)).isTrue();
            assertThat(verify(key, message, jdks)).isTrue();
        }
    }

    @Test
    void aFlippedBitInTheMessageTheSignatureOrTheKeyFails() throws Exception {
        OctetKeyPair key = Ed25519.generate("k");
        byte[] message = "an approval, as review signs it".getBytes(StandardCharsets.UTF_8);
        byte[] signature = sign(key, message);
        assertThat(verify(key, message, signature)).isTrue();

        for (int bit = 0; bit < message.length * 8; bit++) {
            assertThat(verify(key, flip(message, bit), signature))
                    .as("message bit %d", bit)
                    .isFalse();
        }
        for (int bit = 0; bit < 512; bit++) {
            byte[] flipped = flip(signature, bit);
            assertThat(verify(key, message, flipped))
                    .as("signature bit %d", bit)
                    .isFalse();
            if (bit % 16 == 0) {
                assertThat(jdkVerify(key, message, flipped))
                        .as("the JDK, signature bit %d", bit)
                        .isFalse();
            }
        }
        byte[] x = key.getX().decode();
        for (int bit = 0; bit < 256; bit++) {
            OctetKeyPair other = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(flip(x, bit))).build();
            assertThat(verify(other, message, signature)).as("key bit %d", bit).isFalse();
        }
    }

    @Test
    void aNonCanonicalSIsRefusedByBothLibraries() throws Exception {
        OctetKeyPair key = Ed25519.generate("k");
        byte[] message = "same equation, S + L".getBytes(StandardCharsets.UTF_8);
        byte[] signature = sign(key, message);
        BigInteger s = littleEndian(Arrays.copyOfRange(signature, 32, 64));
        assertThat(s).isLessThan(L);

        // S + L satisfies the verification equation (it is S modulo L): only the rule S < L refuses it.
        for (BigInteger nonCanonical : new BigInteger[] {s.add(L), L}) {
            byte[] malleated = Arrays.copyOf(signature, 64);
            System.arraycopy(littleEndian(nonCanonical), 0, malleated, 32, 32);

            assertThat(verify(key, message, malleated))
                    .as("S = %s", nonCanonical)
                    .isFalse();
            assertThat(jdkVerify(key, message, malleated))
                    .as("the JDK, S = %s", nonCanonical)
                    .isFalse();
        }
    }

    @Test
    void aSignatureOfAnyOtherLengthOrAlgorithmVerifiesFalse() throws Exception {
        OctetKeyPair key = Ed25519.generate("k");
        byte[] message = {1, 2, 3};
        byte[] signature = sign(key, message);
        JWSVerifier verifier = Ed25519.verifier(key.toPublicJWK());
        assertThat(verifier.verify(EDDSA, message, Base64URL.encode(signature))).isTrue();

        for (byte[] bad : new byte[][] {
            new byte[0], Arrays.copyOf(signature, 63), Arrays.copyOf(signature, 65), new byte[64], new byte[128]
        }) {
            assertThat(verifier.verify(EDDSA, message, Base64URL.encode(bad)))
                    .as("%d bytes", bad.length)
                    .isFalse();
        }
        assertThat(verifier.verify(EDDSA, message, new Base64URL("not*base64url!")))
                .isFalse();
        assertThat(verifier.verify(new JWSHeader(JWSAlgorithm.ES256), message, Base64URL.encode(signature)))
                .isFalse();
    }

    @Test
    void aKeyOfTheWrongLengthOrCurveIsRefusedAsBefore() {
        OctetKeyPair key = Ed25519.generate("k");
        byte[] d = key.getD().decode();
        byte[] x = key.getX().decode();

        assertThatThrownBy(() -> Ed25519.signer(key(Arrays.copyOf(d, 31), x)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an Ed25519 key has 32 bytes, not 31");
        assertThatThrownBy(() -> Ed25519.verifier(key(d, Arrays.copyOf(x, 33)).toPublicJWK()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an Ed25519 key has 32 bytes, not 33");
        assertThatThrownBy(() -> Ed25519.signer(key.toPublicJWK()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no private part");
        OctetKeyPair x25519 = new OctetKeyPair.Builder(Curve.X25519, key.getX()).build();
        assertThatThrownBy(() -> Ed25519.verifier(x25519))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an Ed25519 key");
    }

    @Test
    void aKeyThatIsNoPointOfTheCurveVerifiesNothingAsWithTheJdk() throws Exception {
        OctetKeyPair key = Ed25519.generate("k");
        byte[] message = {1, 2, 3};
        byte[] signature = sign(key, message);
        byte[] offTheCurve = new byte[32];
        offTheCurve[0] = 2; // y = 2: (y^2 - 1) / (d y^2 + 1) has no square root, so no x
        OctetKeyPair notAPoint = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(offTheCurve)).build();

        assertThat(verify(notAPoint, message, signature)).isFalse();
        assertThat(jdkVerify(notAPoint, message, signature)).isFalse();
    }

    @Test
    void aTrustedKeyOfTheWrongLengthIsRefusedWhenTrusted() {
        OctetKeyPair key = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(new byte[31]))
                .keyID("review-short")
                .build();

        assertThatThrownBy(() -> TrustedKeys.builder().trust(Issuer.REVIEW, key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("review-short")
                .hasMessageContaining("32 bytes, not 31");
    }

    private static OctetKeyPair key(byte[] d, byte[] x) {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                .d(Base64URL.encode(d))
                .build();
    }

    private static byte[] sign(OctetKeyPair key, byte[] message) throws Exception {
        return Ed25519.signer(key).sign(EDDSA, message).decode();
    }

    private static boolean verify(OctetKeyPair key, byte[] message, byte[] signature) throws Exception {
        return Ed25519.verifier(key.toPublicJWK()).verify(EDDSA, message, Base64URL.encode(signature));
    }

    // The oracle: the JDK's own Ed25519, given the raw keys in their RFC 8410 encodings.
    private static final byte[] X509_PREFIX = HEX.parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HEX.parseHex("302e020100300506032b657004220420");

    private static byte[] jdkSign(OctetKeyPair key, byte[] message) throws Exception {
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(KeyFactory.getInstance("Ed25519")
                .generatePrivate(
                        new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, key.getD().decode()))));
        jdk.update(message);
        return jdk.sign();
    }

    /** False where the JDK says false or refuses (a point off the curve, an S too large). */
    private static boolean jdkVerify(OctetKeyPair key, byte[] message, byte[] signature) throws Exception {
        Signature jdk = Signature.getInstance("Ed25519");
        try {
            jdk.initVerify(KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(
                            concat(X509_PREFIX, key.getX().decode()))));
            jdk.update(message);
            return jdk.verify(signature);
        } catch (SignatureException | InvalidKeyException refused) {
            return false;
        }
    }

    private static byte[] concat(byte[] prefix, byte[] raw) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, out, prefix.length, raw.length);
        return out;
    }

    private static byte[] flip(byte[] bytes, int bit) {
        byte[] out = bytes.clone();
        out[bit / 8] ^= (byte) (1 << (bit % 8));
        return out;
    }

    private static BigInteger littleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    private static byte[] littleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray(); // perhaps with a leading zero byte
        byte[] out = new byte[32];
        for (int i = 0; i < out.length && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
