package io.jenkins.plugins.cargo.api;

/**
 * Turns a create-run {@code reason} from Cargo into a sentence that tells a Jenkins user what to fix.
 * The reasons are the ones Cargo's own client knows for run creation.
 */
final class CreateRunRejection {
    private CreateRunRejection() {}

    static String sentence(String reason, CreateRunRequest request) {
        String workflow = request.workflowUuid();
        return switch (reason) {
            case "workflowNotFound" -> "Cargo has no workflow " + workflow + " in the API token's workspace."
                    + " Check workflowUuid: it must be the workflowUuid of a tool (shown in the tool list),"
                    + " not the tool's own uuid, and the token must belong to the tool's workspace.";
            case "invalidReleaseOrCustomNodes" -> request.releaseUuid() == null
                    ? "Cargo found no usable release of workflow " + workflow + " to run."
                            + " Deploy the tool in Cargo, or pin a release of it with releaseUuid."
                    : "Cargo refused releaseUuid " + request.releaseUuid() + " for workflow " + workflow
                            + ": it is not a release of that workflow."
                            + " Pass a release of this workflow, or leave releaseUuid out to run the deployed release.";
            case "playNotCompatible" -> "Workflow " + workflow + " belongs to a play, and Cargo only creates runs"
                    + " of tools. Use the workflowUuid of a tool.";
            case "nodesNotFound" -> "Cargo could not load the nodes of workflow " + workflow + "."
                    + " This usually means the tool has no deployed release: deploy it in Cargo,"
                    + " or pin a release with releaseUuid.";
            case "invalidData" -> "Cargo refused the run's data as invalid. Check that data is a JSON object"
                    + " whose keys are the tool's form field slugs, with values of the kinds the fields expect.";
            case "rootNodeNotFound" -> "Workflow " + workflow + " has no start node, so Cargo cannot run it."
                    + " Fix the workflow in Cargo and deploy it again.";
            case "failedToStart" -> "Cargo could not start the run. This is usually temporary: run the build again;"
                    + " if it keeps happening, check the tool in Cargo.";
            case "notEnoughCredits" -> "The Cargo workspace has not enough credits to start the run."
                    + " Add credits to the workspace in Cargo, then run the build again.";
            case "concurrencyLimitReached" -> "The Cargo workspace is running as many runs as its plan allows."
                    + " Run the build again later, or start fewer Cargo runs in parallel.";
            default -> "Cargo refused to create a run of workflow " + workflow + " (reason '" + reason + "').";
        };
    }
}
