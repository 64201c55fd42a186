package io.jenkins.plugins.cargo.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A valid JSON object of an exact size, {@code {"padding":"xxx…"}}, written in chunks so a
 * multi-megabyte body costs no more memory than one chunk, however many requests ask for it.
 */
final class HugeJsonBody implements MockResponseBody {

    private static final byte[] PREFIX = "{\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "\"}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNK = filled(8192);

    private final long size;

    HugeJsonBody(long size) {
        if (size < minimumSize()) {
            throw new IllegalArgumentException("a huge body needs at least " + minimumSize() + " bytes: " + size);
        }
        this.size = size;
    }

    static long minimumSize() {
        return PREFIX.length + SUFFIX.length;
    }

    @Override
    public long getContentLength() {
        return size;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        sink.write(PREFIX);
        long padding = size - PREFIX.length - SUFFIX.length;
        while (padding > 0) {
            int n = (int) Math.min(padding, CHUNK.length);
            sink.write(CHUNK, 0, n);
            padding -= n;
        }
        sink.write(SUFFIX);
        // flush, not emit: mockwebserver3 does not flush after the body, and bytes written from
        // arrays sit in a still-writable tail segment that emit() would leave in its socket buffer.
        sink.flush();
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
