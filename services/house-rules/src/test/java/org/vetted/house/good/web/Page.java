package org.vetted.house.good.web;

import org.vetted.house.good.app.Port;

public class Page {
    Port port;
}
