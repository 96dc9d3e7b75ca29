package dev.valbox.runner;

/**
 * Thrown by the deadline gate when a run is out of time, CPU, allocation or was cancelled. An {@link Error}
 * so that no library's {@code catch (Exception)} swallows it; the gate throws it again on every later check,
 * so a user's {@code catch} cannot swallow it either.
 */
final class BudgetExceeded extends Error {

    private final RunStatus status;

    BudgetExceeded(RunStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    RunStatus status() {
        return status;
    }
}
