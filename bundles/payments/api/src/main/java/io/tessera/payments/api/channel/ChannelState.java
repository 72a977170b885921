package io.tessera.payments.api.channel;

/**
 * A channel payment's state as Tessera reads the channel's own words (e.g. WeChat NOTPAY/USERPAYING → WAITING):
 * {@code NOT_FOUND} when the channel has no payment of that number (the request never reached it), and
 * {@code UNKNOWN} when the channel did not answer or answered something unreadable (asked again, never assumed failed).
 */
public enum ChannelState { WAITING, SUCCEEDED, FAILED, CLOSED, NOT_FOUND, UNKNOWN }
