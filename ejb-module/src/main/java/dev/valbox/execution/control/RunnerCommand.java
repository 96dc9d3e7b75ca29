package dev.valbox.execution.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a worker JVM is started. The worker gets a hard heap limit, dies on its first OutOfMemoryError instead of
 * limping on, and inherits nothing from the server: no environment variables (they hold the database password),
 * no system properties, and a working directory of its own.
 */
public record RunnerCommand(Path java, Path jar, Path workDir, int heapMb) {

    public static RunnerCommand of(Path jar, Path workDir, int heapMb) {
        return new RunnerCommand(Path.of(System.getProperty("java.home"), "bin", "java"), jar, workDir, heapMb);
    }

    public List<String> arguments() {
        var args = new ArrayList<String>();
        args.add(java.toString());
        args.add("-Xmx" + heapMb + "m");
        args.add("-Xss4m");
        args.add("-XX:MaxMetaspaceSize=192m");
        args.add("-XX:+ExitOnOutOfMemoryError");
        args.add("-XX:+UseSerialGC");
        args.add("-Djava.io.tmpdir=" + workDir);
        args.add("-jar");
        args.add(jar.toString());
        return args;
    }

    public ProcessBuilder processBuilder() {
        var builder = new ProcessBuilder(arguments());
        builder.environment().clear();
        builder.directory(workDir.toFile());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder;
    }

    @Override
    public String toString() {
        return String.join(" ", arguments());
    }
}
