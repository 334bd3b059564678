package eu.infosharing.governance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The way the image starts the product works with every build: the packaged jar extracted, its class-data-sharing
 * archive made by a training run that ends by itself, and the node started with that archive and
 * {@code src/main/jvm/jvm.options}. The Dockerfile does the same steps; this machine has no Docker to run it.
 */
class ShippedJvmIT {

    @Test
    void theNodeStartsWithItsClassArchiveAndTheShippedOptionsAndAnswers() throws Exception {
        Path dir = PackagedNode.OUT.resolve("shipped-it");
        FileSystemUtils.deleteRecursively(dir);
        Path log = PackagedNode.OUT.resolve("shipped-it.log");
        // -Xshare:on: the JVM refuses to start when it cannot use the archive, instead of starting without it in silence
        try (PackagedNode node = PackagedNode.start(PackagedNode.Jvm.SHIPPED, dir, log, List.of("-Xshare:on"), List.of())) {
            node.awaitFirstAnswer();
            assertThat(node.startedSeconds()).as("Spring Boot's started line").isPositive();
        }
        assertThat(Files.readString(log)).doesNotContain("[cds]").doesNotContain("Unrecognized VM option");
    }
}
