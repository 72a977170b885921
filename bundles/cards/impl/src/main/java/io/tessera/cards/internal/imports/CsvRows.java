package io.tessera.cards.internal.imports;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV rows through Apache Commons CSV: a UTF-8 byte order mark is skipped, the delimiter (comma,
 * semicolon or tab) is taken from the header line, quoted fields may hold separators and line breaks,
 * blank lines are skipped, cells are trimmed.
 */
public final class CsvRows implements RowSource {

    private final Path file;
    private final Charset charset;
    private volatile long position;

    public CsvRows(Path file, Charset charset) {
        this.file = file;
        this.charset = charset;
    }

    @Override
    public void read(Handler handler) throws Exception {
        try (InputStream raw = new Counting(Files.newInputStream(file));
             BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            skipBom(in);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            char delimiter = delimiter(reader);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(true).setTrim(true).build();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                for (CSVRecord record : parser) {
                    List<String> cells = new ArrayList<>(record.size());
                    record.forEach(cells::add);
                    // The parser has read up to the end of the record: its last line is the record's line.
                    handler.row(new Row(parser.getCurrentLineNumber(), cells));
                }
            }
        }
    }

    private static void skipBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] b = in.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
    }

    /** The most frequent of comma, semicolon and tab on the first line; comma when none. */
    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(1 << 15);
        char[] buf = new char[1 << 14];
        int n = reader.read(buf);
        reader.reset();
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        for (int i = 0; i < n && buf[i] != '\n' && buf[i] != '\r'; i++) {
            switch (buf[i]) {
                case ',': comma++; break;
                case ';': semicolon++; break;
                case '\t': tab++; break;
                default: break;
            }
        }
        if (tab > comma && tab >= semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public boolean spreadsheet() {
        return false;
    }

    /** Charset of a stored upload: UTF-8 if it decodes as UTF-8, else GB18030 (legacy Chinese exports). */
    public static Charset guess(boolean validUtf8) {
        return validUtf8 ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    }

    private final class Counting extends FilterInputStream {
        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }
}
