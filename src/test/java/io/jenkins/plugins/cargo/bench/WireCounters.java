package io.jenkins.plugins.cargo.bench;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Connection;
import okhttp3.OkHttpClient;

/**
 * What the benchmark's side sees of the wire, through OkHttp interceptors on the client the transport is
 * derived from: calls as they leave the dispatcher's queue, exchanges and their time on the wire (request
 * sent to answer read, which is the simulator's latency plus loopback), and connections opened.
 */
final class WireCounters {
    /** Calls that began (left the dispatcher's queue), counted by an application interceptor. */
    final LongAdder calls = new LongAdder();
    final LongAdder exchanges = new LongAdder();
    final LongAdder exchangeNanos = new LongAdder();
    final LongAdder connections = new LongAdder();
    private final Set<Connection> seen = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /** {@code base} with the counting interceptors; the transport keeps them when it derives its client. */
    OkHttpClient instrument(OkHttpClient base) {
        return base.newBuilder()
                .addInterceptor(chain -> {
                    calls.increment();
                    return chain.proceed(chain.request());
                })
                .addNetworkInterceptor(chain -> {
                    Connection connection = chain.connection();
                    if (connection != null && seen.add(connection)) {
                        connections.increment();
                    }
                    long started = System.nanoTime();
                    try {
                        return chain.proceed(chain.request());
                    } finally {
                        exchangeNanos.add(System.nanoTime() - started);
                        exchanges.increment();
                    }
                })
                .build();
    }

    double meanExchangeMillis() {
        long count = exchanges.sum();
        return count == 0 ? 0 : exchangeNanos.sum() / 1e6 / count;
    }
}
