package io.tessera.cards.internal.imports;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * The card nos an import may meet again: those in the table when it starts and those it has
 * written. A Bloom filter (about 1 % false positives at the expected size, a few MB for millions of
 * cards): "no" is certain, so a new card is inserted without a lookup; "maybe" is settled by a
 * primary-key read. This keeps a fresh import of a million rows from a million lookups.
 */
final class KnownCardNos {

    private static final int HASHES = 7;
    private final BitSet bits;
    private final int size;

    KnownCardNos(long expected) {
        long wanted = Math.max(1 << 16, Math.min(Integer.MAX_VALUE - 64, expected * 10));
        this.size = (int) wanted;
        this.bits = new BitSet(size);
    }

    void add(String cardNo) {
        long h = hash(cardNo);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32);
        for (int i = 1; i <= HASHES; i++) {
            bits.set(Math.floorMod(h1 + i * h2, size));
        }
    }

    boolean mightContain(String cardNo) {
        long h = hash(cardNo);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32);
        for (int i = 1; i <= HASHES; i++) {
            if (!bits.get(Math.floorMod(h1 + i * h2, size))) {
                return false;
            }
        }
        return true;
    }

    /** 64-bit FNV-1a over the UTF-8 bytes, then a final mix so both halves are well spread. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
