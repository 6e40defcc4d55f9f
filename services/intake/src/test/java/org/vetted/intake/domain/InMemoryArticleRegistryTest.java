package org.vetted.intake.domain;

class InMemoryArticleRegistryTest extends ArticleRegistryTest {
    @Override
    protected ArticleRegistry newRegistry() {
        return new InMemoryArticleRegistry();
    }
}
