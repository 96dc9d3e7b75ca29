/**
 * Running user code. Vals never run in the server JVM: they run in worker JVMs (the {@code runner} module) that the
 * server starts with hard heap limits, an empty environment and no credentials, and kills when a run overruns its
 * wall-clock limit. A dedicated compiler worker turns saved code into what the workers run. Every run is recorded
 * as an evaluation. The server talks to workers only through {@link dev.valbox.execution.control.Frames}.
 */
package dev.valbox.execution;
