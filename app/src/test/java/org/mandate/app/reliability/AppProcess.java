package org.mandate.app.reliability;

import java.io.File;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Mandate as a separate operating-system process on the test classpath, so a test can kill it with SIGKILL
 * (nothing flushed, no shutdown hooks) and start it again on the same data. Its home directory is a fresh
 * temporary one, so anything it writes there (a phone-home marker, for instance) can be checked.
 */
final class AppProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofMinutes(6);

    private final List<String> arguments;
    private final Path home;
    private final Path log;
    private final int port;
    private Process process;
    private int starts;

    AppProcess(Path workDir, List<String> appArguments) throws IOException {
        this.home = Files.createDirectories(workDir.resolve("home"));
        this.log = workDir.resolve("app.log");
        this.port = freePort();
        this.arguments = new ArrayList<>(appArguments);
        this.arguments.add("--server.port=" + port);
    }

    int port() {
        return port;
    }

    Path home() {
        return home;
    }

    int starts() {
        return starts;
    }

    /** Starts the app with extra arguments for this start only, and waits until it answers on HTTP. */
    void start(String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.home=" + home,
                "-cp", applicationClassPath(), "org.mandate.app.MandateApplication"));
        command.addAll(arguments);
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // deliberately not setting AXONIQ_UPDATE_CHECKER_DISABLED: the app must switch it off by itself
        builder.environment().remove("AXONIQ_UPDATE_CHECKER_DISABLED");
        process = builder.start();
        starts++;
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        Http probe = Http.basic(port, null);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (probe.send("GET", "/actuator/health/readiness", null, null, java.util.Map.of()).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app did not answer within " + START_LIMIT + "; see " + log);
    }

    /** The app's threads, as jcmd prints them, into the work directory; for a test that finds the app stuck. */
    Path threadDump() throws IOException, InterruptedException {
        Path dump = log.resolveSibling("threads-" + System.nanoTime() + ".txt");
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                .redirectOutput(dump.toFile()).start().waitFor(30, TimeUnit.SECONDS);
        return dump;
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM: a graceful stop, so the test can open the database files afterwards. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The test JVM's class path without the test classes and resources (test BPMN files must not be deployed
     * into the app). Surefire may hand the class path over in a manifest-only jar; it is unpacked here.
     */
    static String applicationClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("surefirebooter") && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry)) {
                    String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    Path base = Path.of(entry).toAbsolutePath().getParent();
                    for (String url : manifestPath.trim().split("\\s+")) {
                        entries.add(url.startsWith("file:") ? Path.of(URI.create(url)).toString()
                                : base.resolve(URLDecoder.decode(url, StandardCharsets.UTF_8)).normalize().toString());
                    }
                }
            } else {
                entries.add(entry);
            }
        }
        return entries.stream().filter(entry -> !entry.replace('\\', '/').matches(".*/test-classes/?"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Path workDir(String name) throws IOException {
        return Files.createDirectories(new File("target/reliability/" + name + "-" + System.nanoTime()).toPath()
                .toAbsolutePath());
    }
}
