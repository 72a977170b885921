package io.tessera.marketing.internal.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.Test;

public class ReferralCodesTest {

    @Test
    public void aNewCodeIsEightCharactersOfTheAlphabetAndReadsAsItself() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = ReferralCodes.next();
            assertEquals(ReferralCodes.LENGTH, code.length());
            assertEquals(code, ReferralCodes.normalise(code));
            assertEquals(code, ReferralCodes.normalise(" " + code.toLowerCase() + " "));
            seen.add(code);
        }
        assertTrue("2000 draws of 32^7 codes do not repeat: " + seen.size(), seen.size() == 2000);
    }

    @Test
    public void everyMistypedCharacterIsCaught() {
        for (int n = 0; n < 50; n++) {
            String code = ReferralCodes.next();
            for (int i = 0; i < ReferralCodes.LENGTH; i++) {
                for (char c : ReferralCodes.ALPHABET.toCharArray()) {
                    if (c != code.charAt(i)) {
                        String typo = code.substring(0, i) + c + code.substring(i + 1);
                        assertNull(typo + " (from " + code + ")", ReferralCodes.normalise(typo));
                    }
                }
            }
        }
    }

    @Test
    public void swappedNeighboursAreCaughtUnlessSixteenApart() {
        for (int n = 0; n < 200; n++) {
            String code = ReferralCodes.next();
            for (int i = 0; i < ReferralCodes.LENGTH - 2; i++) {
                int a = ReferralCodes.ALPHABET.indexOf(code.charAt(i));
                int b = ReferralCodes.ALPHABET.indexOf(code.charAt(i + 1));
                if (a == b || Math.abs(a - b) == 16) {
                    continue;
                }
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                assertNull(swapped + " (from " + code + ")", ReferralCodes.normalise(swapped));
            }
        }
    }

    @Test
    public void lookAlikesReadAsCrockfordSaysAndOtherShapesAreNotCodes() {
        String code = "0000000" + ReferralCodes.ALPHABET.charAt(0);
        assertEquals(code, ReferralCodes.normalise("OoOoOoO0"));
        String ones = "1111111";
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += 2 * i + 1;
        }
        String withCheck = ones + ReferralCodes.ALPHABET.charAt(sum % 32);
        assertEquals(withCheck, ReferralCodes.normalise("IlIlIl1" + ReferralCodes.ALPHABET.charAt(sum % 32)));
        assertNull(ReferralCodes.normalise(null));
        assertNull(ReferralCodes.normalise("ABC"));
        assertNull(ReferralCodes.normalise("ABCDEFGHJ"));
        assertNull(ReferralCodes.normalise("ABCDEFU0"));
        assertNull(ReferralCodes.normalise("ABC-EFG0"));
    }
}
