package dev.valbox.execution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunnerCommandTest {

    private final RunnerCommand command = RunnerCommand.of(Path.of("/srv/runner.jar"), Path.of("/srv/work"), 256);

    @Test
    void workersInheritNoEnvironmentNothingFromTheServersSystemProperties() {
        System.setProperty("valbox.db.password", "hunter2");
        var builder = command.processBuilder();
        assertTrue(builder.environment().isEmpty(), builder.environment()::toString);
        assertTrue(command.arguments().stream().noneMatch(arg -> arg.contains("valbox.db")), command::toString);
        assertTrue(command.arguments().stream().noneMatch(arg -> arg.contains("hunter2")));
        assertEquals(Path.of("/srv/work").toFile(), builder.directory());
    }

    @Test
    void workersHaveAHardHeapDieOnOutOfMemoryAndGetDeepStacks() {
        var args = command.arguments();
        assertTrue(args.contains("-Xmx256m"), args::toString);
        assertTrue(args.contains("-XX:+ExitOnOutOfMemoryError"), args::toString);
        assertTrue(args.contains("-Xss4m"), args::toString);
        assertTrue(args.stream().anyMatch(a -> a.startsWith("-XX:MaxMetaspaceSize=")), args::toString);
        assertEquals(java.util.List.of("-jar", "/srv/runner.jar"), args.subList(args.size() - 2, args.size()));
    }
}
