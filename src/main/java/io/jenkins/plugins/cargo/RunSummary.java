package io.jenkins.plugins.cargo;

import io.jenkins.plugins.cargo.run.EndReason;

/**
 * The one-paragraph account of a Cargo run that failed the build: the message of the build's error, in
 * the Pipeline and in the freestyle build step. It names the run, its status, the result it gave, the
 * failing node (with its integration, and where the child run it started failed) and Cargo's message,
 * never the run's data or output.
 */
final class RunSummary {
    private RunSummary() {}

    /** The summary of a record whose watch ended with an outcome. */
    static String of(CargoRunRecord record) {
        String run = orElse(record.getRunUuid(), "?");
        String status = orElse(record.getStatus(), "unknown");
        String result = String.valueOf(record.getResult());
        EndReason endReason = record.getEndReason();
        EndReason reason = endReason == null ? EndReason.FINISHED : endReason;
        StringBuilder text = new StringBuilder(switch (reason) {
            case TIMED_OUT -> Messages.RunSummary_TimedOut(run, status, result);
            case ABORTED -> Messages.RunSummary_Aborted(run, status, result);
            case NOT_WAITED -> Messages.RunSummary_NotWaited(run, status, result);
            case FINISHED -> Messages.RunSummary_Finished(run, status, result);
        });
        if (record.isDegraded()) {
            text.append(' ').append(Messages.RunSummary_Degraded());
        }
        String node = record.getFailedNode();
        String nodeError = record.getFailedNodeError();
        if (node != null) {
            String integration = record.getFailedNodeIntegration();
            String where = integration == null ? node : Messages.RunSummary_NodeThroughIntegration(node, integration);
            text.append(' ').append(nodeError == null
                    ? Messages.RunSummary_FailingNode(where)
                    : Messages.RunSummary_FailingNodeSaid(where, oneLine(nodeError)));
        }
        String child = record.getChildRunUuid();
        if (child != null) {
            String childNode = record.getChildFailedNode();
            String childError = record.getChildError();
            text.append(' ').append(childNode == null ? Messages.RunSummary_ChildRun(child)
                    : childError == null ? Messages.RunSummary_ChildRunFailedAt(child, childNode)
                    : Messages.RunSummary_ChildRunFailedAtSaid(child, childNode, oneLine(childError)));
        }
        String cargoSays = record.getErrorMessage();
        if (cargoSays != null && !cargoSays.isBlank()) {
            text.append(' ').append(Messages.RunSummary_CargoSays(oneLine(cargoSays)));
        }
        return text.toString();
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    /** As the console shows Cargo's texts: on one line, at most 200 characters. */
    static String oneLine(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
