package org.mandate.app.cluster;

import org.mandate.app.Api;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Mandate process on the test's own classpath, started with {@code java} as an operator would start it,
 * so that it can be killed like a crashed machine. Its output goes to a log file next to the test reports.
 */
final class AppNode {

    final String name;
    final int port;
    final File log;
    private final Process process;
    private volatile long killedAt;

    private AppNode(String name, int port, File log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a node; extra classpath entries come first (e.g. a directory with BPMN files only this test uses). */
    static AppNode start(String name, Path extraClasspath, String databaseUrl, List<String> settings)
            throws IOException {
        int port = freePort();
        File log = new File("target/scale-out/" + name + ".log").getAbsoluteFile();
        log.getParentFile().mkdirs();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a short-lived node: quick to start beats fast when warm
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-Daxoniq.update-checker.disabled=true",
                "-cp", extraClasspath + File.pathSeparator + System.getProperty("java.class.path"),
                "org.mandate.app.MandateApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password="));
        command.addAll(settings);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
        return new AppNode(name, port, log, process);
    }

    Api as(String person) {
        return new Api(port, person, "demo");
    }

    /** Axon names a token's owner after the JVM, "pid@host". */
    String tokenOwnerPrefix() {
        return process.pid() + "@";
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Ready, not merely answering: start-up work (the shipped path and its binding, the demo) runs after the server
     * already listens. A node whose process exited fails the wait at once, naming its log.
     */
    boolean isReady() {
        assertThat(isAlive()).as("node exited, see " + log).isTrue();
        try {
            return as("ana").get("/actuator/health/readiness").status() == 200
                    && as("ana").get("/api/inbox").status() == 200;
        } catch (AssertionError notListeningYet) {
            return false;
        }
    }

    /** Like pulling the plug: no shutdown hooks, no released claims, no goodbye to the other nodes. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        killedAt = System.nanoTime();
    }

    /** When it was killed, in {@link System#nanoTime()}; 0 while it lives. */
    long killedAt() {
        return killedAt;
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ", log " + log + ")";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
