package org.vetted.contract;

/** Contract plumbing a domain must not use, as signatures are. */
public class Signer {}
