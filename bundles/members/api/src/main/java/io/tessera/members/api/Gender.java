package io.tessera.members.api;

public enum Gender { MALE, FEMALE, UNKNOWN }
