package dev.valbox.runner;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;

/** Entry point of a worker JVM: frames on the real stdin/stdout, everything else to stderr. */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        // Grab the real stdout before anything (Nashorn, a library, a stray println) can write to it:
        // a single stray byte would corrupt the framing the server reads.
        var frameOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, "UTF-8"));
        var frames = new Frames(new FileInputStream(FileDescriptor.in), frameOut);
        new Worker(frames, Sandbox.get()).serve();
        // stdin closed: the server is gone or wants us gone. Runs may still be stuck in user code.
        Runtime.getRuntime().halt(0);
    }
}
