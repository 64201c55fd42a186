package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** Everything a run is made from, whether a create request or a tool node asked for it. */
record NewRun(String workflowUuid, String releaseUuid, JsonNode data, RunScript script, Lineage lineage) {

    NewRun {
        Objects.requireNonNull(workflowUuid, "workflowUuid");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(lineage, "lineage");
    }
}
