package io.tessera.payments.api.channel;

/** A channel payment's state as Tessera reads the channel's own words (e.g. WeChat NOTPAY/USERPAYING → WAITING). */
public enum ChannelState { WAITING, SUCCEEDED, FAILED, CLOSED, UNKNOWN }
