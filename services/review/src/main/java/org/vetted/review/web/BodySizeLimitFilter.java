package org.vetted.review.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses request bodies declared larger than {@link #MAX_BODY_BYTES} with 413 before they are read. The largest
 * valid decision (a 2000-character comment, a 500-character reference, all four-byte UTF-8) fits well within it.
 */
@Component
public class BodySizeLimitFilter extends OncePerRequestFilter {
    static final long MAX_BODY_BYTES = 16 * 1024;

    private final HandlerExceptionResolver problems;

    public BodySizeLimitFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            problems.resolveException(request, response, null, new BodyTooLargeException(MAX_BODY_BYTES));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new LimitedRequest(request) : request, response);
    }

    /** A body sent without Content-Length (chunked) is cut off at the limit and then reads as unreadable (400). */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int next = in.read();
                        if (next >= 0 && ++read > MAX_BODY_BYTES) {
                            throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
                        }
                        return next;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
