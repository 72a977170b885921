package io.tessera.reporting.api;

/**
 * Who is right about a difference: the channel (Tessera's record is to be corrected, e.g. by a refund or an
 * adjustment made through its domain) or Tessera (the channel is to be asked to correct its record). Recording it
 * moves no money.
 */
public enum Resolution { CHANNEL_WINS, TESSERA_WINS }
