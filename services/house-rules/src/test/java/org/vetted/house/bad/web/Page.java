package org.vetted.house.bad.web;

/** Breaks webCallsNoOtherAdapter. */
public class Page {
    org.vetted.house.bad.store.Store store;
}
