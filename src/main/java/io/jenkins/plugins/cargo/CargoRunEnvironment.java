package io.jenkins.plugins.cargo;

import io.jenkins.plugins.cargo.run.BuildResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables the freestyle build step leaves for the build steps after it. When a build
 * runs the step more than once, each run's action adds its variables in the order the runs were started,
 * so the last run wins. Pipeline steps set none: {@code cargoRun} returns its outcome instead, and
 * variables would be ambiguous between parallel branches.
 */
final class CargoRunEnvironment {
    /** The run's uuid; empty when no run was created. */
    static final String RUN_UUID = "CARGO_RUN_UUID";
    /** Cargo's last status of the run, such as {@code success}; empty when unknown. */
    static final String RUN_STATUS = "CARGO_RUN_STATUS";
    /** The result the run gave the build (SUCCESS, UNSTABLE, FAILURE or ABORTED); empty when it gave none. */
    static final String RUN_RESULT = "CARGO_RUN_RESULT";

    private CargoRunEnvironment() {}

    /** The variables of one record, every one of them set (empty if unknown), so a later run replaces them all. */
    static Map<String, String> of(CargoRunRecord record) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (record.getOrigin() != CargoRunRecord.Origin.BUILD_STEP) {
            return variables;
        }
        variables.put(RUN_UUID, orEmpty(record.getRunUuid()));
        variables.put(RUN_STATUS, orEmpty(record.getStatus()));
        BuildResult result = record.getResult();
        variables.put(RUN_RESULT, result == null ? "" : result.name());
        return variables;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
