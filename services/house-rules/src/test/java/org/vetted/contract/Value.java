package org.vetted.contract;

/** A value type of the contract, as the content hash is. */
public record Value(String hash) {}
