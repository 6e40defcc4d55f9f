package org.vetted.support.observability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * An observation registry with real tracing, wired as a service's is (OpenTelemetry through Micrometer Tracing, W3C
 * {@code traceparent} propagation, the tracing handler for receiver contexts first): for tests of what trace a
 * record's steps and log lines run in. The current span is what the service's log correlation puts in every line.
 */
public final class TestTracing {
    /** W3C trace context of a record: version, trace id, parent span id, sampled. */
    public static String traceparent(String traceId) {
        return "00-" + traceId + "-b7ad6b7169203331-01";
    }

    /** A log line and the trace current while it was written (null for none). */
    public record Logged(String message, String traceId) {}

    private final OtelTracer tracer;
    private final ObservationRegistry registry = ObservationRegistry.create();

    public TestTracing() {
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        io.opentelemetry.api.trace.Tracer otel = sdk.getTracer("test");
        OtelCurrentTraceContext current = new OtelCurrentTraceContext();
        tracer = new OtelTracer(otel, current, event -> {}, new OtelBaggageManager(current, List.of(), List.of()));
        registry.observationConfig()
                .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                        new PropagatingReceiverTracingObservationHandler<>(
                                tracer, new OtelPropagator(sdk.getPropagators(), otel)),
                        new DefaultTracingObservationHandler(tracer)));
    }

    public ObservationRegistry registry() {
        return registry;
    }

    /** The trace id of the span current on this thread, or null. */
    public String currentTraceId() {
        Span span = tracer.currentSpan();
        return span == null ? null : span.context().traceId();
    }

    /**
     * The lines {@code logger} writes from now on (at its configured level), each with the trace current on the
     * thread that wrote it; {@link #stopCapturing} ends it.
     */
    public List<Logged> capture(Class<?> logger) {
        List<Logged> lines = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(new Logged(event.getFormattedMessage(), currentTraceId()));
            }
        };
        appender.setName("test-tracing");
        appender.start();
        ((Logger) LoggerFactory.getLogger(logger)).addAppender(appender);
        return lines;
    }

    public void stopCapturing(Class<?> logger) {
        ((Logger) LoggerFactory.getLogger(logger)).detachAppender("test-tracing");
    }
}
