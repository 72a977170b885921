package io.tessera.marketing.api;

/**
 * Which members a send reaches: ALL; LEVEL (levelId); STORE (registered at storeId); REGISTERED (registered from
 * {@code from} to {@code to}, days inclusive); SPEND (paid at least {@code minSpend} in sales, less refunds, in the
 * months {@code fromMonth} to {@code toMonth}, as marketing counted them since it was installed).
 */
public enum SegmentKind {
    ALL, LEVEL, STORE, REGISTERED, SPEND
}
