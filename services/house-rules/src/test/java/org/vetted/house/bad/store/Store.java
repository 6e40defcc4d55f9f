package org.vetted.house.bad.store;

/** Breaks storeCallsNoOtherAdapter. */
public class Store {
    org.vetted.house.bad.web.Page page;
}
