package io.jenkins.plugins.cargo.api;

/** A Cargo tool: a name people know, and the {@code workflowUuid} its runs are created with. */
public record CargoTool(String uuid, String workflowUuid, String name) {}
