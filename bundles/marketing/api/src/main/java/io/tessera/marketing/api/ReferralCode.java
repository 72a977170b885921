package io.tessera.marketing.api;

import javax.xml.bind.annotation.XmlType;

/** A member's referral code (推荐码): 8 characters, the last a check character, for a QR code or a poster. */
@XmlType(name = "marketingReferralCode")
public class ReferralCode {
    public long memberId;
    public String code;
}
