package org.vetted.distribution.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.PublicSite;

/**
 * Sitemaps (sitemaps.org 0.9), written with the JDK's StAX writer (which escapes every text): an index of the
 * article pages' sitemaps, and each of those with its pages' URLs and {@code lastmod} (the latest revision's
 * publication). The first one lists the front page too.
 */
final class Sitemaps {
    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    static String index(PublicSite site, long sitemaps) {
        return write(xml -> {
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(NAMESPACE);
            for (long number = 1; number <= Math.max(1, sitemaps); number++) {
                xml.writeStartElement("sitemap");
                element(xml, "loc", site.sitemapPageUrl(number));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    static String urls(PublicSite site, List<PageStore.Page> pages, boolean withHomePage, Instant homeModified) {
        return write(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(NAMESPACE);
            if (withHomePage) {
                url(xml, site.homePageUrl(), homeModified);
            }
            for (PageStore.Page page : pages) {
                url(xml, page.article().url(), page.article().publishedAt());
            }
            xml.writeEndElement();
        });
    }

    private static void url(XMLStreamWriter xml, String loc, Instant lastModified) throws XMLStreamException {
        if (loc == null) {
            return;
        }
        xml.writeStartElement("url");
        element(xml, "loc", loc);
        if (lastModified != null) {
            element(xml, "lastmod", DateTimeFormatter.ISO_INSTANT.format(lastModified));
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(AtomFeed.xml(text));
        xml.writeEndElement();
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the sitemap could not be written", e);
        }
        return out.toString();
    }

    private Sitemaps() {}
}
