package io.tessera.cards.api;

/** A voucher's stored bytes. */
public class CardVoucher {
    public VoucherInfo info;
    public byte[] content;
}
