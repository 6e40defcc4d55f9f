package org.vetted.distribution.app;

class InMemoryPageStoreTest extends PageStoreTest {
    @Override
    protected PageStore newStore() {
        return new InMemoryPageStore();
    }
}
