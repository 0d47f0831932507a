package org.perfledger.command.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a limit with 413, whether the client declares its length or streams it: a declared
 * length above the limit is refused before reading; a streamed body stops being read at the limit. An event log
 * imported whole ({@code …/event-log.jsonl}) has a limit of its own.
 */
class BodySizeLimit extends OncePerRequestFilter {

    static final String EVENT_LOG_IMPORT = "/event-log.jsonl";

    private final long commandLimit;
    private final long importLimit;
    private final ObjectMapper json;

    BodySizeLimit(DataSize commandLimit, DataSize importLimit, ObjectMapper json) {
        this.commandLimit = commandLimit.toBytes();
        this.importLimit = importLimit.toBytes();
        this.json = json;
    }

    /** Thrown while reading past the limit; the problem handler answers 413. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().endsWith(EVENT_LOG_IMPORT) ? importLimit : commandLimit;
        if (request.getContentLengthLong() > limit) {
            TooLarge tooLarge = new TooLarge(limit);
            ProblemHandler.write(response, json, ProblemHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "payload-too-large", tooLarge.getMessage(),
                    List.of(new FieldError(null, "body.size", tooLarge.getMessage()))));
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                return new Counted(super.getInputStream(), limit);
            }
        }, response);
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
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
    }
}
