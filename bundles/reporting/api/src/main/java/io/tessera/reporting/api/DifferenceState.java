package io.tessera.reporting.api;

/**
 * Where a difference is: {@code WAITING} (a Tessera trade of the day's last minutes not in the day's bill: the next
 * day's bill is awaited), {@code OPEN} (a difference to resolve), {@code RESOLVED} (someone decided who wins and
 * why), {@code CLEARED} (a waiting trade found in the next day's bill).
 */
public enum DifferenceState { WAITING, OPEN, RESOLVED, CLEARED }
