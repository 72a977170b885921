package io.tessera.cards.internal.imports;

import io.tessera.cards.api.CardErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded export written to disk in one pass that also takes its SHA-256 (the file's identity),
 * its size, whether it is valid UTF-8, and its format from the first bytes: XLSX is a ZIP package,
 * the old binary XLS is refused, anything else is read as CSV.
 */
public final class Upload {

    public enum Format { CSV, XLSX }

    public final Path file;
    public final String sha256;
    public final long size;
    public final boolean validUtf8;
    public final Format format;

    private Upload(Path file, String sha256, long size, boolean validUtf8, Format format) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
        this.validUtf8 = validUtf8;
        this.format = format;
    }

    /** Writes {@code in} to {@code target}; refuses (and deletes) an empty file, a binary XLS, or one over {@code maxBytes}. */
    public static Upload store(InputStream in, Path target, long maxBytes) {
        if (in == null) {
            throw CardErrors.FILE_EMPTY.at("file", "the request carries no file");
        }
        MessageDigest sha = sha256();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer pending = ByteBuffer.allocate((1 << 16) + 8);
        CharBuffer chars = CharBuffer.allocate((1 << 16) + 8);
        boolean valid = true;
        byte[] head = new byte[8];
        int headLength = 0;
        long size = 0;
        boolean ok = false;
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw CardErrors.FILE_TOO_LARGE.at("file", "the file is larger than " + (maxBytes >> 20) + " MB");
                    }
                    if (headLength < head.length) {
                        int take = Math.min(head.length - headLength, n);
                        System.arraycopy(buf, 0, head, headLength, take);
                        headLength += take;
                    }
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                    if (valid) {
                        valid = decode(utf8, pending, chars, buf, n);
                    }
                }
            }
            if (size == 0) {
                throw CardErrors.FILE_EMPTY.at("file", "the file is empty");
            }
            if (valid) {
                pending.flip();
                valid = !utf8.decode(pending, chars, true).isError() && !pending.hasRemaining();
            }
            Format format;
            if (headLength >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                format = Format.XLSX;
            } else if (headLength >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                    && (head[3] & 0xFF) == 0xE0) {
                throw CardErrors.FILE_FORMAT.at("file", "old binary Excel files (.xls) are not read: save it as .xlsx or CSV");
            } else {
                format = Format.CSV;
            }
            ok = true;
            return new Upload(target, HexFormat.of().formatHex(sha.digest()), size, valid, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!ok) {
                try {
                    Files.deleteIfExists(target);
                } catch (IOException ignored) {
                    // the upload failed anyway; a stray file in the uploads folder is harmless
                }
            }
        }
    }

    /** Feeds bytes to a strict UTF-8 decoder, carrying an incomplete character over to the next chunk. */
    private static boolean decode(CharsetDecoder utf8, ByteBuffer pending, CharBuffer chars, byte[] buf, int n) {
        int off = 0;
        while (off < n) {
            int take = Math.min(pending.remaining(), n - off);
            pending.put(buf, off, take);
            off += take;
            pending.flip();
            while (true) {
                chars.clear();
                CoderResult r = utf8.decode(pending, chars, false);
                if (r.isError()) {
                    return false;
                }
                if (r.isUnderflow()) {
                    break;
                }
            }
            pending.compact();
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
