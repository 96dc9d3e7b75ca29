package dev.valbox.execution.control;

/** A worker process ended while a request was waiting for it. Internal to the pool: never reaches a client. */
class WorkerDiedException extends RuntimeException {

    /** The runner exits with 3 when it runs out of heap ({@code -XX:+ExitOnOutOfMemoryError}). */
    static final int OUT_OF_MEMORY = 3;

    final int exitCode;

    WorkerDiedException(String name, int exitCode) {
        super("worker " + name + " ended with status " + exitCode, null, false, false);
        this.exitCode = exitCode;
    }
}
