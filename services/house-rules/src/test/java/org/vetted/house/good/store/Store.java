package org.vetted.house.good.store;

import org.vetted.house.good.app.Port;
import org.vetted.house.good.domain.Rule;

public class Store implements Port {
    @Override
    public void keep(Rule rule) {}
}
