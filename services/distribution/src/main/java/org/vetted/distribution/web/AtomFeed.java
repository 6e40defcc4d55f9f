package org.vetted.distribution.web;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.Author;
import org.vetted.distribution.domain.PublicSite;
import org.vetted.distribution.domain.PublishedArticle;

/**
 * The Atom 1.0 feed (RFC 4287), made with ROME: the newest articles, each with its first publication
 * ({@code published}), this revision's ({@code updated}), authors, tags, summary and HTML, and the entries gone from
 * the site as RFC 6721 tombstones ({@code at:deleted-entry} with {@code ref}, the id the entry had, and
 * {@code when}), so a reader drops what it kept. A corrected entry's content starts with its latest correction note. Text is cleared of characters XML 1.0 cannot hold.
 */
final class AtomFeed {
    static final String ATOM_XML = "application/atom+xml";
    static final Namespace TOMBSTONES = Namespace.getNamespace("at", "http://purl.org/atompub/tombstones/1.0");
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

    static String of(String title, PublicSite site, List<PageStore.Page> pages, List<PageStore.DeletedEntry> deleted) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(site.homePageUrl());
        feed.setTitle(xml(title));
        feed.setLanguage("en");
        feed.setOtherLinks(List.of(link("self", ATOM_XML, site.atomFeedUrl())));
        feed.setAlternateLinks(List.of(link("alternate", "text/html", site.homePageUrl())));
        Instant updated = Stream.concat(
                        pages.stream().map(page -> page.article().publishedAt()),
                        deleted.stream().map(PageStore.DeletedEntry::when))
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        feed.setUpdated(Date.from(updated));
        feed.setEntries(pages.stream().map(page -> entry(site, page)).toList());
        List<Element> tombstones = new ArrayList<>();
        for (PageStore.DeletedEntry gone : deleted) {
            tombstones.add(tombstone(site, gone));
        }
        feed.setForeignMarkup(tombstones);
        try {
            return new WireFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("the Atom feed could not be written", e);
        }
    }

    private static Entry entry(PublicSite site, PageStore.Page page) {
        PublishedArticle article = page.article();
        Entry entry = new Entry();
        entry.setId(site.entryId(article.articleId()));
        entry.setTitle(xml(article.title()));
        entry.setAlternateLinks(List.of(link("alternate", "text/html", article.url())));
        entry.setPublished(Date.from(page.firstPublishedAt()));
        entry.setUpdated(Date.from(article.publishedAt()));
        List<com.rometools.rome.feed.synd.SyndPerson> authors = new ArrayList<>();
        for (Author author : article.authors()) {
            Person person = new Person();
            person.setName(xml(author.displayName()));
            authors.add(person);
        }
        entry.setAuthors(authors);
        entry.setCategories(article.tags().stream()
                .map(tag -> {
                    Category category = new Category();
                    category.setTerm(xml(tag));
                    return category;
                })
                .toList());
        if (article.summary() != null && !article.summary().isBlank()) {
            Content summary = new Content();
            summary.setType(Content.TEXT);
            summary.setValue(xml(article.summary()));
            entry.setSummary(summary);
        }
        Content content = new Content();
        content.setType(Content.HTML);
        // The latest correction's note ahead of the text, as on the page: escaped, since it is text.
        content.setValue(xml(page.latestCorrection()
                        .map(correction -> "<p><strong>Corrected</strong> on "
                                + DateTimeFormatter.ISO_LOCAL_DATE.format(
                                        correction.correctedAt().atOffset(java.time.ZoneOffset.UTC))
                                + ": " + org.springframework.web.util.HtmlUtils.htmlEscape(correction.note()) + "</p>")
                        .orElse("")
                + article.html()));
        entry.setContents(List.of(content));
        return entry;
    }

    /** {@code <at:deleted-entry ref="…" when="…"><link href="…"/></at:deleted-entry>} (RFC 6721 section 2). */
    private static Element tombstone(PublicSite site, PageStore.DeletedEntry gone) {
        Element tombstone = new Element("deleted-entry", TOMBSTONES);
        tombstone.setAttribute("ref", site.entryId(gone.articleId()));
        tombstone.setAttribute("when", DateTimeFormatter.ISO_INSTANT.format(gone.when()));
        if (gone.url() != null) {
            Element link = new Element("link", ATOM);
            link.setAttribute("href", xml(gone.url()));
            tombstone.addContent(link);
        }
        return tombstone;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    /** The text without characters XML 1.0 cannot hold (controls other than tab and line ends, lone surrogates). */
    static String xml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private AtomFeed() {}
}
