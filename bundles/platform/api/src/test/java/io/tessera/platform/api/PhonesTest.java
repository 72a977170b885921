package io.tessera.platform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class PhonesTest {

    @Test
    public void acceptsMainlandMobileNumbersOnly() {
        assertTrue(Phones.isMainlandMobile("13800138000"));
        assertTrue(Phones.isMainlandMobile("19912345678"));
        assertFalse(Phones.isMainlandMobile("12800138000"));
        assertFalse(Phones.isMainlandMobile("1380013800"));
        assertFalse(Phones.isMainlandMobile("138001380001"));
        assertFalse(Phones.isMainlandMobile("+8613800138000"));
        assertFalse(Phones.isMainlandMobile(null));
    }

    @Test
    public void requireNamesTheField() {
        TesseraException e = assertThrows(TesseraException.class, () -> Phones.require("phone", "123"));
        assertEquals("phone", e.getField());
        assertEquals("PHONE_INVALID", e.getCode());
        assertEquals(400, e.getStatus());
        assertEquals("FIELD_REQUIRED", assertThrows(TesseraException.class, () -> Phones.require("phone", " ")).getCode());
        assertEquals("13800138000", Phones.require("phone", " 13800138000 "));
    }

    @Test
    public void masksTheMiddle() {
        assertEquals("138****8000", Phones.mask("13800138000"));
    }
}
