package io.tessera.platform.api;

import java.util.regex.Pattern;

/** Mainland China mobile numbers: validation and the masked form used anywhere a log could see it. */
public final class Phones {

    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private Phones() {
    }

    public static boolean isMainlandMobile(String phone) {
        return phone != null && MAINLAND_MOBILE.matcher(phone).matches();
    }

    /** Trims, checks and returns the phone, or a 400 naming the field. */
    public static String require(String field, String phone) {
        if (phone == null || phone.isBlank()) {
            throw TesseraException.required(field);
        }
        String p = phone.trim();
        if (!isMainlandMobile(p)) {
            throw PlatformErrors.PHONE_INVALID.at(field, "not a mainland mobile number (11 digits starting with 13-19)");
        }
        return p;
    }

    /** "13812345678" becomes "138****5678". */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 7) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
