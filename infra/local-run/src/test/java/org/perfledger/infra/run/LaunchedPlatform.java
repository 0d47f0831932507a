package org.perfledger.infra.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.perfledger.infra.embedded.ScratchDirectories;
import org.perfledger.infra.embedded.FreePorts;
import org.perfledger.infra.embedded.KeycloakServer;

/**
 * One platform per test JVM, as {@code ./perfledger run} starts it (the same launcher, the same runnable jars, each
 * service in its own JVM, real PostgreSQL and Kafka), with the demo districts loaded. Started by the first test class
 * that asks; stopped when the JVM exits.
 *
 * <p>The test classes share it, in any order. A test that writes uses plans no other test reads exactly (its own
 * departments, or one sample plan per kind of write: 东湖 2020 ZLJS for completions and spending, SPAQ for the 自评表
 * import, GSXZ for the self-evaluation form, 2019 ZHSW for a refused upload), and assertions on shared plans bound
 * what another test may add.
 */
final class LaunchedPlatform {

    private static LocalPlatform platform;

    private LaunchedPlatform() {
    }

    static synchronized LocalPlatform get() {
        if (platform == null) {
            Path home = ScratchDirectories.create("perfledger-e2e");
            PlatformSettings settings = new PlatformSettings(home,
                    Path.of("target/services").toAbsolutePath(), Optional.empty(), "postgres", "",
                    Optional.empty(), 0, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), false);
            // people sign in at Keycloak, as in ./perfledger run, where a JDK for it is installed
            platform = LocalPlatform.start(KeycloakServer.javaAtLeast(21).isPresent()
                    ? settings.withKeycloak(Path.of("target/keycloak/keycloak").toAbsolutePath()) : settings);
            LocalPlatform started = platform;
            // closed when the tests' JVM ends, and also when the demo does not load (its servers must not outlive it)
            ScratchDirectories.onExit(started::close);
            try {
                new DemoDistrict(platform).load();
            } catch (RuntimeException e) {
                platform = null;
                started.close();
                throw e;
            }
        }
        return platform;
    }
}
