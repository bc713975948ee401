package no.samhandling.discharge.operations;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's commands start with ./mvnw: where JAVA_HOME (or the java on the PATH) is older than 21, the
 * wrapper finds a JDK >= 21 itself, or stops at once, before any download, saying what to set.
 */
class MavenWrapperJdkTest {

    @TempDir
    Path temp;
    private Path oldJdk;
    private Path jdkFolder;

    @BeforeEach
    void aJava17AndAFolderWithTheJdkRunningThisTest() throws IOException {
        oldJdk = Files.createDirectories(temp.resolve("old-jdk-17/bin"));
        for (String tool : List.of("java", "javac")) {
            Path script = oldJdk.resolve(tool);
            Files.writeString(script, "#!/bin/sh\necho '    java.specification.version = 17' >&2\necho 'openjdk version \"17.0.15\"' >&2\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        oldJdk = oldJdk.getParent();
        jdkFolder = Files.createDirectories(temp.resolve("jvm"));
        Files.createSymbolicLink(jdkFolder.resolve("current"), Path.of(System.getProperty("java.home")));
    }

    @Test
    void withAJava17HomeTheWrapperPicksAJdkOf21OrNewerAndSaysSo() throws Exception {
        Result result = mvnw(Map.of("JAVA_HOME", oldJdk.toString(), "MVNW_JDK_DIRS", jdkFolder.toString()), "-v");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("is Java 17; using JDK " + Runtime.version().feature())
                .contains("Java version: " + Runtime.version().feature());
    }

    @Test
    void withoutAnyJdkOf21OrNewerItStopsWithinSecondsSayingWhatToSet() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("no-jdks"));
        Instant start = Instant.now();
        Result result = mvnw(Map.of("JAVA_HOME", oldJdk.toString(), "MVNW_JDK_DIRS", empty.toString(),
                "MVNW_REPOURL", "http://127.0.0.1:9/never-asked"), "verify");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output())
                .contains("needs a JDK 21 or newer")
                .contains("is Java 17")
                .contains("export JAVA_HOME=")
                .doesNotContain("Downloading");
    }

    @Test
    void aJavaHomeOf21OrNewerIsUsedAsItIs() throws Exception {
        Result result = mvnw(Map.of("JAVA_HOME", System.getProperty("java.home"), "MVNW_JDK_DIRS", temp.toString()), "-v");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("mvnw:").contains("runtime: " + Path.of(System.getProperty("java.home")).toRealPath());
    }

    record Result(int exitCode, String output) {
    }

    private static Result mvnw(Map<String, String> environment, String argument) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("./mvnw", "-B", "-ntp", argument)).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
