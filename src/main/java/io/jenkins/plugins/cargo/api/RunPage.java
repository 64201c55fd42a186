package io.jenkins.plugins.cargo.api;

import java.util.List;

/** One page of {@code POST /v1/orchestration/runs/list}: the runs, newest first, and how many match in all. */
public record RunPage(List<CargoRun> runs, long count) {
    public RunPage {
        runs = List.copyOf(runs);
    }
}
