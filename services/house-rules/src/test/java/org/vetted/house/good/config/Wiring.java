package org.vetted.house.good.config;

import org.vetted.house.good.store.Store;
import org.vetted.house.good.web.Page;

/** Config sees every layer. */
public class Wiring {
    Store store;
    Page page;
}
