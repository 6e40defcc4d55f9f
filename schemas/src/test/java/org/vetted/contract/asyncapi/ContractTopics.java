package org.vetted.contract.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecordBase;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.Signatures;

/**
 * What the contract's code says about each topic. {@link Topics} is the table: each topic constant's javadoc names
 * the records it carries ({@code {@link org.vetted.events.X}}), its writer ("written by review") and the headers of
 * {@code Topics} every record of it carries ({@code {@link #SOME_HEADER}}); its text is the channel's description.
 * The records are looked up in {@link EventCatalog#EVENTS}, their signature field and signer in {@link Signatures}.
 */
final class ContractTopics {
    static final String TOPICS_SOURCE = "src/main/java/org/vetted/contract/Topics.java";

    private static final Pattern CONSTANT = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*public static final String (\\w+)\\s*=\\s*\"([^\"]*)\";", Pattern.DOTALL);
    private static final Pattern RECORD_LINK = Pattern.compile("\\{@link org\\.vetted\\.events\\.(\\w+)}");
    private static final Pattern HEADER_LINK = Pattern.compile("\\{@link #(\\w+_HEADER)}");
    private static final Pattern WRITTEN_BY = Pattern.compile("written by (\\w+)");

    /** A topic: its constant in {@link Topics}, its address, and what its javadoc says. */
    record Topic(
            String constant,
            String address,
            String description,
            List<Class<? extends SpecificRecordBase>> records,
            Optional<String> writtenBy,
            List<Header> headers) {}

    /** A header constant of {@link Topics}: its name on the wire and its javadoc. */
    record Header(String constant, String name, String description) {}

    /** Which service signs a record, and in which of its fields. */
    record Signer(String service, String field) {}

    private final List<Topic> topics = new ArrayList<>();
    private final Map<String, Header> headers = new LinkedHashMap<>();

    ContractTopics(Path schemasModule) {
        String source;
        try {
            source = Files.readString(schemasModule.resolve(TOPICS_SOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> javadocs = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            javadocs.put(constant.group(2), constant.group(1));
            values.put(constant.group(2), constant.group(3));
        }
        checkAgainstTheClass(values);
        values.forEach((name, value) -> {
            if (name.endsWith("_HEADER")) {
                headers.put(name, new Header(name, value, text(javadocs.get(name), values)));
            }
        });
        values.forEach((name, address) -> {
            if (!name.endsWith("_HEADER")) {
                String javadoc = javadocs.get(name);
                Matcher writer = WRITTEN_BY.matcher(javadoc);
                topics.add(new Topic(
                        name,
                        address,
                        text(javadoc, values),
                        RECORD_LINK
                                .matcher(javadoc)
                                .results()
                                .<Class<? extends SpecificRecordBase>>map(link -> event(name, link.group(1)))
                                .toList(),
                        writer.find() ? Optional.of(writer.group(1)) : Optional.empty(),
                        HEADER_LINK
                                .matcher(javadoc)
                                .results()
                                .map(link -> header(name, link.group(1)))
                                .toList()));
            }
        });
    }

    List<Topic> topics() {
        return topics;
    }

    Header header(String constant) {
        Header header = headers.get(constant);
        if (header == null) {
            throw new IllegalStateException("Topics has no header constant " + constant);
        }
        return header;
    }

    /** Reads {@code Signatures}' private table of owners: the one place that says who signs what, in which field. */
    static Signer signer(Class<? extends SpecificRecordBase> record) {
        try {
            Field owners = Signatures.class.getDeclaredField("OWNERS");
            owners.setAccessible(true);
            Object owner = ((Map<?, ?>) owners.get(null)).get(record);
            if (owner == null) {
                throw new IllegalStateException(record.getSimpleName() + " has no signer in Signatures");
            }
            Map<String, Object> parts = new LinkedHashMap<>();
            for (RecordComponent component : owner.getClass().getRecordComponents()) {
                component.getAccessor().setAccessible(true);
                parts.put(component.getName(), component.getAccessor().invoke(owner));
            }
            Object issuer = parts.get("issuer");
            String service = (String) issuer.getClass().getMethod("id").invoke(issuer);
            return new Signer(service, (String) parts.get("field"));
        } catch (ReflectiveOperationException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException(
                    "Signatures.OWNERS is no longer a map of record class to Owner(issuer, field): adapt "
                            + ContractTopics.class.getSimpleName(),
                    e);
        }
    }

    /** Every String constant of the class must have been read from the source, with its value. */
    private static void checkAgainstTheClass(Map<String, String> fromSource) {
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    Object value = field.get(null);
                    if (!value.equals(fromSource.get(field.getName()))) {
                        throw new IllegalStateException("Topics." + field.getName() + " needs a javadoc comment "
                                + "right before it (" + TOPICS_SOURCE + "): it describes its channel");
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private Header header(String topic, String constant) {
        Header header = headers.get(constant);
        if (header == null) {
            throw new IllegalStateException("Topics." + topic + " links " + constant + ", not a header of Topics");
        }
        return header;
    }

    private static Class<? extends SpecificRecordBase> event(String topic, String simpleName) {
        return EventCatalog.EVENTS.stream()
                .filter(type -> type.getSimpleName().equals(simpleName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Topics." + topic + " names " + simpleName + ", which is not in EventCatalog.EVENTS"));
    }

    /** The javadoc as one line of CommonMark: links and code as code spans. */
    private static String text(String javadoc, Map<String, String> values) {
        String text =
                javadoc.replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " ").strip();
        text = Pattern.compile("\\{@link #(\\w+)}")
                .matcher(text)
                .replaceAll(link -> Matcher.quoteReplacement(
                        "`" + values.getOrDefault(link.group(1), "Topics." + link.group(1)) + "`"));
        text = Pattern.compile("\\{@link(?:plain)? (?:[\\w.]*\\.)?([^}\\s]+)[^}]*}")
                .matcher(text)
                .replaceAll(link -> Matcher.quoteReplacement("`" + link.group(1) + "`"));
        text = Pattern.compile("\\{@(?:code|value) ([^}]+)}")
                .matcher(text)
                .replaceAll(code -> Matcher.quoteReplacement("`" + code.group(1) + "`"));
        return text.replaceAll("</?\\w+>", "");
    }
}
