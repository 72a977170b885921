package io.tessera.cards.api;

/** A legacy card's status as the CRM exported it (状态); a migrated card becomes VOID. */
public enum CardStatus {
    /** 正常: in use, can be migrated. */
    ACTIVE,
    /** 挂失: reported lost; can be migrated with proof as a voucher. */
    LOST,
    /** 冻结: frozen in the CRM; not migrated until the CRM releases it. */
    FROZEN,
    /** 作废: voided; nothing left to migrate. */
    VOID
}
