package org.vetted.intake.app;

class InMemoryArticleRegistryTest extends ArticleRegistryTest {
    @Override
    protected ArticleRegistry newRegistry() {
        return new InMemoryArticleRegistry();
    }
}
