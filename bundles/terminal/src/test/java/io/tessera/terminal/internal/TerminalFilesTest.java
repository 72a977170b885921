package io.tessera.terminal.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

/** Which names the terminal serves, and as what. */
public class TerminalFilesTest {

    @Test
    public void servesKnownKindsOfPlainRelativeNamesOnly() {
        assertEquals("text/html; charset=UTF-8", TerminalFiles.typeOf("index.html"));
        assertEquals("text/javascript; charset=UTF-8", TerminalFiles.typeOf("js/screens/cards.js"));
        assertEquals("application/json; charset=UTF-8", TerminalFiles.typeOf("i18n/zh-CN.json"));
        assertEquals("image/svg+xml", TerminalFiles.typeOf("img/logo.svg"));
        assertNull(TerminalFiles.typeOf("../web/index.html"));
        assertNull(TerminalFiles.typeOf("js/../../META-INF/MANIFEST.MF"));
        assertNull(TerminalFiles.typeOf(".hidden.js"));
        assertNull(TerminalFiles.typeOf("js//main.js"));
        assertNull(TerminalFiles.typeOf("/etc/passwd.js"));
        assertNull(TerminalFiles.typeOf("io/tessera/terminal/internal/TerminalFiles.class"));
        assertNull(TerminalFiles.typeOf("web.xml"));
        assertNull(TerminalFiles.typeOf("js/main"));
        assertNull(TerminalFiles.typeOf(""));
    }
}
