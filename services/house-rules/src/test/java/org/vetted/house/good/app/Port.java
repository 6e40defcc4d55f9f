package org.vetted.house.good.app;

import org.vetted.house.good.domain.Rule;

public interface Port {
    void keep(Rule rule);
}
