package io.jenkins.plugins.cargo.simulator;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Uuids the simulator makes up. */
final class SimUuids {

    private SimUuids() {}

    static String random() {
        return UUID.randomUUID().toString();
    }

    /**
     * The same uuid for the same name every time, shaped as a version 4 uuid as Cargo's are (its newer
     * API validates uuids against the v4 pattern). For ids a script implies but does not give, such as
     * the connector of an integration, which must not change from one poll to the next.
     */
    static String named(String name) {
        UUID hashed = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        long versionFour = (hashed.getMostSignificantBits() & ~0xF000L) | 0x4000L;
        return new UUID(versionFour, hashed.getLeastSignificantBits()).toString();
    }
}
