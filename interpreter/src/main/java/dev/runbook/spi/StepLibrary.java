package dev.runbook.spi;

import java.util.List;

/** A set of step types, found with ServiceLoader ({@code META-INF/services/dev.runbook.spi.StepLibrary}). */
public interface StepLibrary {
    List<StepType> stepTypes();
}
