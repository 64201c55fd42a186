package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.function.UnaryOperator;

/**
 * The freestyle build step's parameters with {@code ${VAR}} references expanded in what names the run:
 * the workflow, the release and the data (JSON text). A value is inserted as it is, so a parameter meant
 * for a JSON string goes between quotes in the data: {@code {"domain": "${DOMAIN}"}}.
 */
final class ExpandedParameters implements CreateParameters {
    private final CreateParameters raw;
    private final UnaryOperator<String> expand;

    private ExpandedParameters(CreateParameters raw, UnaryOperator<String> expand) {
        this.raw = raw;
        this.expand = expand;
    }

    /** @param expand replaces references, such as the build's {@code EnvVars::expand} */
    static CreateParameters of(CreateParameters raw, UnaryOperator<String> expand) {
        return new ExpandedParameters(raw, expand);
    }

    @CheckForNull
    private String expanded(@CheckForNull String value) {
        return value == null ? null : expand.apply(value);
    }

    @CheckForNull
    @Override
    public String getWorkflowUuid() {
        return expanded(raw.getWorkflowUuid());
    }

    @CheckForNull
    @Override
    public Object getData() {
        Object data = raw.getData();
        return data instanceof String text ? expanded(text) : data;
    }

    @CheckForNull
    @Override
    public String getReleaseUuid() {
        return expanded(raw.getReleaseUuid());
    }

    @Override
    public boolean isWait() {
        return raw.isWait();
    }

    @Override
    public boolean isWaitForCapacity() {
        return raw.isWaitForCapacity();
    }

    @Override
    public boolean isValidateData() {
        return raw.isValidateData();
    }

    @CheckForNull
    @Override
    public Integer getPollIntervalSeconds() {
        return raw.getPollIntervalSeconds();
    }

    @CheckForNull
    @Override
    public Integer getTimeoutMinutes() {
        return raw.getTimeoutMinutes();
    }

    @Override
    public boolean isCancelOnTimeout() {
        return raw.isCancelOnTimeout();
    }

    @CheckForNull
    @Override
    public String getResultOnError() {
        return raw.getResultOnError();
    }

    @CheckForNull
    @Override
    public String getResultOnCancelled() {
        return raw.getResultOnCancelled();
    }

    @CheckForNull
    @Override
    public String getResultOnSkipped() {
        return raw.getResultOnSkipped();
    }

    @Override
    public boolean isFailOnExecutionError() {
        return raw.isFailOnExecutionError();
    }

    @Override
    public boolean isUnstableOnDegraded() {
        return raw.isUnstableOnDegraded();
    }
}
