package io.jenkins.plugins.cargo.simulator;

import java.util.Objects;

/**
 * Where a run sits in a trace: a run started through the API is a root with a trace of its own; a run
 * a tool node started is that node's child and shares its parent's trace, as Cargo's traces span the
 * whole tree (a trace has one root run).
 */
record Lineage(String traceUuid, String parentUuid, String parentNodeUuid) {

    Lineage {
        Objects.requireNonNull(traceUuid, "traceUuid");
    }

    static Lineage root() {
        return new Lineage(SimUuids.random(), null, null);
    }

    static Lineage childOf(SimRun parent, String parentNodeUuid) {
        return new Lineage(parent.traceUuid(), parent.uuid(), Objects.requireNonNull(parentNodeUuid, "parentNodeUuid"));
    }
}
