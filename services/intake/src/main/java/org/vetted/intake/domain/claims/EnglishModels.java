package org.vetted.intake.domain.claims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * The OpenNLP English models, read once from the model jars on the classpath (opennlp-models-sentdetect-en and
 * opennlp-models-pos-en keep the model file at the jar root). Models are immutable and thread-safe.
 */
public record EnglishModels(SentenceModel sentences, POSModel partsOfSpeech) {
    public static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.0-1.9.3.bin";
    public static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.0-1.9.3.bin";

    public static EnglishModels fromClasspath() {
        try (InputStream sentences = open(SENTENCE_MODEL);
                InputStream pos = open(POS_MODEL)) {
            return new EnglishModels(new SentenceModel(sentences), new POSModel(pos));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP English models", e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = EnglishModels.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath");
        }
        return in;
    }
}
