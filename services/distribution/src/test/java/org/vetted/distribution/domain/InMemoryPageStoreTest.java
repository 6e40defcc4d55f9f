package org.vetted.distribution.domain;

class InMemoryPageStoreTest extends PageStoreTest {
    @Override
    protected PageStore newStore() {
        return new InMemoryPageStore();
    }
}
