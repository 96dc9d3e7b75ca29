package dev.valbox.runner;

/**
 * Just enough DER reading for {@link SubtleHost}: the public point that a PKCS#8 EC private key may carry, which the
 * JCA does not expose and WebCrypto needs to export the key as a JWK.
 */
final class Der {

    private final byte[] data;
    private int position;

    private Der(byte[] data, int position) {
        this.data = data;
        this.position = position;
    }

    /** The uncompressed point in PKCS#8 → ECPrivateKey → [1] publicKey, or null when the key has none. */
    static byte[] ecPublicPoint(byte[] pkcs8) {
        try {
            Der info = new Der(pkcs8, 0).enter(0x30);
            info.skip(); // version
            info.skip(); // algorithm identifier
            Der ecKey = info.enter(0x04).enter(0x30);
            ecKey.skip(); // version
            ecKey.skip(); // private key
            while (ecKey.position < ecKey.data.length) {
                int tag = ecKey.data[ecKey.position] & 0xFF;
                if (tag == 0xA1) {
                    Der bits = ecKey.enter(0xA1).enter(0x03);
                    byte[] point = bits.rest();
                    // The first byte of a BIT STRING counts its unused bits.
                    return point.length > 1 ? java.util.Arrays.copyOfRange(point, 1, point.length) : null;
                }
                ecKey.skip();
            }
            return null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** Reads a TLV with the expected tag and answers a reader over its contents; this reader moves past it. */
    private Der enter(int tag) {
        if ((data[position] & 0xFF) != tag) {
            throw new IllegalArgumentException("unexpected DER tag");
        }
        int[] header = header();
        byte[] contents = java.util.Arrays.copyOfRange(data, header[0], header[0] + header[1]);
        position = header[0] + header[1];
        return new Der(contents, 0);
    }

    private void skip() {
        int[] header = header();
        position = header[0] + header[1];
    }

    private byte[] rest() {
        return java.util.Arrays.copyOfRange(data, position, data.length);
    }

    /** Start of the contents and their length, for the TLV at the current position. */
    private int[] header() {
        int at = position + 1;
        int first = data[at++] & 0xFF;
        int length = first;
        if (first > 0x7F) {
            int count = first & 0x7F;
            if (count > 3) {
                throw new IllegalArgumentException("DER length too long");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (data[at++] & 0xFF);
            }
        }
        if (at + length > data.length) {
            throw new IllegalArgumentException("DER length past the end");
        }
        return new int[] {at, length};
    }
}
