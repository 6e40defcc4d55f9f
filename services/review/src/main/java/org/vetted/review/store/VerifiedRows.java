package org.vetted.review.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Rows verified before, by their exact bytes, with what they read as. Reading the same bytes back again (every page
 * of the queue, every decision folds its article's rows) finds them here instead of checking the signature and the
 * draft's hash again: the check is a function of the bytes and the trusted keys, which are fixed for the process, so
 * bytes equal to verified ones are verified. A row is found only by comparing all its bytes with the remembered
 * ones; the hash that picks the bucket is a fast one, not a digest (a SHA-256 of every row was a seventh of a page's
 * CPU at 100,000 open revisions), as a collision only costs one more comparison. Only successes are remembered.
 *
 * @param <T> what a row reads as
 */
final class VerifiedRows<T> {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Cache<Row, T> verified;

    /** @param maxBytes the bytes of rows kept (what they read as takes about as much again) */
    VerifiedRows(long maxBytes) {
        verified = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<Row, T>weigher((row, read) -> row.bytes.length)
                .build();
    }

    /**
     * What the row reads as: remembered if these exact bytes were verified before, else {@code verify}'s answer,
     * remembered when it returns (a row it throws on is not).
     */
    T read(byte[] bytes, Function<byte[], T> verify) {
        Row row = new Row(bytes);
        T known = verified.getIfPresent(row);
        if (known != null) {
            return known;
        }
        T read = verify.apply(bytes);
        // A copy: the caller's array is theirs to change.
        verified.put(new Row(bytes.clone()), read);
        return read;
    }

    /** A row's bytes, equal to another only byte for byte. */
    private static final class Row {
        private final byte[] bytes;
        private final int hash;

        Row(byte[] bytes) {
            this.bytes = bytes;
            this.hash = hash(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && hash == row.hash && Arrays.equals(bytes, row.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        /** Eight bytes a step, mixed at the end (MurmurHash3's finaliser): spreads rows, proves nothing. */
        private static int hash(byte[] bytes) {
            long h = bytes.length;
            int i = 0;
            for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
                h = (h ^ (long) LONGS.get(bytes, i)) * 0x9E37_79B9_7F4A_7C15L;
            }
            for (; i < bytes.length; i++) {
                h = (h ^ bytes[i]) * 0x9E37_79B9_7F4A_7C15L;
            }
            h ^= h >>> 33;
            h *= 0xff51_afd7_ed55_8ccdL;
            h ^= h >>> 33;
            h *= 0xc4ce_b9fe_1a85_ec53L;
            h ^= h >>> 33;
            return Long.hashCode(h);
        }
    }
}
