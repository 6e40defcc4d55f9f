package org.vetted.distribution.web;

/** A page of the front page's listing that does not exist. */
class PageNotFoundException extends RuntimeException {

    PageNotFoundException() {
        super("no such page of the listing", null, false, false);
    }
}
