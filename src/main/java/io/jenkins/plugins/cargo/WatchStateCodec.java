package io.jenkins.plugins.cargo;

import io.jenkins.plugins.cargo.run.WatchState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Writes a {@link WatchState} as text for {@code build.xml}, and reads it back.
 *
 * <p>Why not let XStream write the state as it is: Jenkins writes {@code build.xml} with XStream under its
 * JEP-200 class filter, which refuses every JDK class that is not on core's list
 * ({@code jenkins/security/whitelisted-classes.txt}, 2.541.3). The state's {@code WaitPolicy} holds two
 * {@link java.time.Duration}s, and {@code java.time.Duration} is not on that list (only its serial proxy
 * {@code java.time.Ser} is), so {@code run.save()} would fail with "Refusing to marshal java.time.Duration".
 * The core keeps the state's fields to itself, so the glue cannot mirror them either. The state is
 * {@link java.io.Serializable}, so it is kept as Base64 of its Java serialization.
 *
 * <p>Reading applies a strict {@link ObjectInputFilter}: only the core's state classes and the few JDK
 * types they hold, with small limits, so a tampered {@code build.xml} cannot make the controller build
 * arbitrary objects.
 */
final class WatchStateCodec {
    /**
     * The state's own classes, the JDK types in it, and nothing else ({@code Map$Entry}: a
     * {@code HashSet} checks the size of its table, an array of entries, against the filter).
     */
    static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=8;maxrefs=5000;maxarray=5000;maxbytes=4000000;"
                    + "io.jenkins.plugins.cargo.run.WatchState;"
                    + "io.jenkins.plugins.cargo.run.WatchState$CancelReason;"
                    + "io.jenkins.plugins.cargo.run.WaitPolicy;"
                    + "io.jenkins.plugins.cargo.run.OutcomeMapping;"
                    + "io.jenkins.plugins.cargo.run.BuildResult;"
                    + "java.lang.Enum;java.lang.String;"
                    + "java.time.Duration;java.time.Ser;"
                    + "java.util.LinkedHashSet;java.util.HashSet;java.util.Map$Entry;"
                    + "!*");

    private WatchStateCodec() {}

    static String encode(WatchState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        } catch (IOException e) {
            // Only in-memory streams and serializable core classes are involved.
            throw new UncheckedIOException("Could not serialize the state of a Cargo run watch", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /**
     * Reads a state written by {@link #encode}.
     *
     * @throws IOException when the text is not such a state (damaged, or written by an incompatible version)
     */
    static WatchState decode(String text) throws IOException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("The saved state of the Cargo run watch is not Base64", e);
        }
        try (ObjectInputStream in = new StateInputStream(new ByteArrayInputStream(bytes))) {
            Object read = in.readObject();
            if (!(read instanceof WatchState state)) {
                throw new IOException("The saved state of the Cargo run watch holds a "
                        + (read == null ? "null" : read.getClass().getName()));
            }
            return state;
        } catch (ClassNotFoundException e) {
            throw new IOException("The saved state of the Cargo run watch could not be read", e);
        }
    }

    /** Resolves classes with the plugin's class loader (Jenkins loads plugins apart) and applies the filter. */
    private static final class StateInputStream extends ObjectInputStream {
        StateInputStream(InputStream in) throws IOException {
            super(in);
            setObjectInputFilter(FILTER);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, WatchState.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws InvalidClassException {
            throw new InvalidClassException("A Cargo run watch state holds no proxies");
        }
    }
}
