package io.tessera.cards.internal.imports;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, streamed with Apache POI's event API (constant memory
 * whatever the number of rows). Cells come as stored: numbers as their raw decimal text, not as
 * Excel displays them.
 */
public final class XlsxRows implements RowSource {

    private final Path file;

    public XlsxRows(Path file) {
        this.file = file;
    }

    @Override
    public void read(Handler handler) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // POI's XML beans look their schema types up through the context class loader: POI's own bundle's.
        Thread.currentThread().setContextClassLoader(OPCPackage.class.getClassLoader());
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            Collector collector = new Collector(handler);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(null, null, strings, collector, new DataFormatter(), false));
                xml.parse(new InputSource(sheet));
            } catch (Wrapped e) {
                throw e.failure;
            } catch (SAXException e) {
                if (e.getException() instanceof Wrapped) {
                    throw ((Wrapped) e.getException()).failure;
                }
                throw e;
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public long position() {
        return -1;
    }

    @Override
    public boolean spreadsheet() {
        return true;
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Handler handler;
        private List<String> cells;
        private int rowNum;

        Collector(Handler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            this.rowNum = rowNum;
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            try {
                handler.row(new Row(rowNum + 1L, cells));
            } catch (Exception e) {
                throw new Wrapped(e);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int col = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.trim());
        }
    }

    private static final class Wrapped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Exception failure;

        Wrapped(Exception failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
