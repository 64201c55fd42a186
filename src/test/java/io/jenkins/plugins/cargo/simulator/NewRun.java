package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * Everything a run is made from, whether a create request or a tool node asked for it.
 *
 * @param firstGetFaults what the run's first GETs are answered with instead, one fault per GET
 */
record NewRun(
        String workflowUuid,
        String releaseUuid,
        JsonNode data,
        RunScript script,
        List<Fault> firstGetFaults,
        Lineage lineage) {

    NewRun {
        Objects.requireNonNull(workflowUuid, "workflowUuid");
        Objects.requireNonNull(script, "script");
        firstGetFaults = List.copyOf(firstGetFaults);
        Objects.requireNonNull(lineage, "lineage");
    }
}
