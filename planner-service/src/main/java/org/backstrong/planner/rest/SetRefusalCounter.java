package org.backstrong.planner.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.backstrong.planner.service.SetLogMetrics;

/**
 * Counts a set answered 400 as backstrong_set_log_refused_total{reason="invalid-field"}: the input checks refuse
 * it before it reaches a batch (bad JSON, a value out of range), and a batch's field refusals are left to this,
 * so each is counted once. Only on the refusal path; a stored set costs nothing here.
 */
@Provider
@CountsSetRefusals
public class SetRefusalCounter implements ContainerResponseFilter {

    private final SetLogMetrics metrics;

    public SetRefusalCounter(SetLogMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400) {
            metrics.refusedInput();
        }
    }
}
