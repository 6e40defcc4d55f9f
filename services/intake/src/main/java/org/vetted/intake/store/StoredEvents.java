package org.vetted.intake.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.domain.articles.ArticleStatus;
import org.vetted.intake.domain.claims.Claim;
import org.vetted.intake.domain.claims.ClaimKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored form of an applied {@link ArticleEvent}: JSON written and read field by field, by name, never by
 * binding the domain records. So the rows outlive changes to those records: a field added later reads as its
 * default (null, false, empty) from older rows and a field no longer read is ignored; a field renamed must be read
 * under both names here. Only the domain event is stored, after the contract's schema versions were mapped away (by the
 * messaging layer), so Avro schema changes never reach these rows.
 */
final class StoredEvents {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String encode(ArticleEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventId", event.eventId());
        node.put("articleId", event.articleId());
        node.put("revision", event.revision());
        node.put("at", event.at().toString());
        node.put("actor", event.actor());
        if (event instanceof ArticleEvent.DraftRecorded draft) {
            node.put("type", "DraftRecorded");
            node.put("slug", draft.slug());
            node.put("title", draft.title());
            node.put("summary", draft.summary());
            strings(node.putArray("tags"), draft.tags());
            node.put("bodyMarkdown", draft.bodyMarkdown());
            ArrayNode claims = node.putArray("claims");
            for (Claim claim : draft.claims()) {
                claims.addObject().put("id", claim.id()).put("text", claim.text())
                        .put("kind", claim.kind().name()).put("hedged", claim.hedged())
                        .put("absolute", claim.absolute()).put("section", claim.section());
            }
            node.put("contentHash", draft.contentHash());
            ArrayNode authors = node.putArray("authors");
            for (Author author : draft.authors()) {
                authors.addObject().put("username", author.username()).put("displayName", author.displayName());
            }
            node.put("detail", draft.detail());
        } else if (event instanceof ArticleEvent.ClaimDecided decided) {
            node.put("type", "ClaimDecided");
            node.put("claimId", decided.claimId());
            node.put("approved", decided.approved());
            node.put("reviewerName", decided.reviewerName());
            node.put("comment", decided.comment());
            node.put("reference", decided.reference());
        } else if (event instanceof ArticleEvent.Returned returned) {
            node.put("type", "Returned");
            node.put("rejected", returned.rejected());
            strings(node.putArray("rejectedClaimIds"), returned.rejectedClaimIds());
            node.put("reviewerName", returned.reviewerName());
            node.put("comment", returned.comment());
        } else if (event instanceof ArticleEvent.StatusChanged changed) {
            node.put("type", "StatusChanged");
            node.put("event", changed.event());
            node.put("status", changed.status().name());
            node.put("detail", changed.detail());
        }
        return JSON.writeValueAsString(node);
    }

    static ArticleEvent decode(String stored) {
        JsonNode node = JSON.readTree(stored);
        String eventId = text(node, "eventId");
        String articleId = text(node, "articleId");
        int revision = node.path("revision").asInt();
        Instant at = Instant.parse(text(node, "at"));
        String actor = text(node, "actor");
        String type = text(node, "type");
        return switch (type == null ? "" : type) {
            case "DraftRecorded" -> new ArticleEvent.DraftRecorded(eventId, articleId, revision, at,
                    text(node, "slug"), text(node, "title"), text(node, "summary"), list(node, "tags", JsonNode::asString),
                    text(node, "bodyMarkdown"), list(node, "claims", StoredEvents::claim), text(node, "contentHash"),
                    list(node, "authors", author -> new Author(text(author, "username"), text(author, "displayName"))),
                    actor, text(node, "detail"));
            case "ClaimDecided" -> new ArticleEvent.ClaimDecided(eventId, articleId, revision, at,
                    text(node, "claimId"), node.path("approved").asBoolean(), actor, text(node, "reviewerName"),
                    text(node, "comment"), text(node, "reference"));
            case "Returned" -> new ArticleEvent.Returned(eventId, articleId, revision, at,
                    node.path("rejected").asBoolean(), list(node, "rejectedClaimIds", JsonNode::asString), actor,
                    text(node, "reviewerName"), text(node, "comment"));
            case "StatusChanged" -> new ArticleEvent.StatusChanged(eventId, articleId, revision, at,
                    text(node, "event"), ArticleStatus.valueOf(text(node, "status")), actor, text(node, "detail"));
            default -> throw new IllegalStateException("stored article event " + eventId + " has unknown type " + type);
        };
    }

    private static Claim claim(JsonNode node) {
        String kind = text(node, "kind");
        ClaimKind known = kind == null ? ClaimKind.OTHER : java.util.Arrays.stream(ClaimKind.values())
                .filter(k -> k.name().equals(kind)).findFirst().orElse(ClaimKind.OTHER);
        return new Claim(text(node, "id"), text(node, "text"), known, node.path("hedged").asBoolean(),
                node.path("absolute").asBoolean(), text(node, "section"));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> element) {
        List<T> values = new ArrayList<>();
        node.path(field).forEach(item -> values.add(element.apply(item)));
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private StoredEvents() {
    }
}
