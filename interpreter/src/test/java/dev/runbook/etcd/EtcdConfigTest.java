package dev.runbook.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtcdConfigTest {
    @Test
    void readsHostsPrefixAndLeaseTtl() {
        EtcdConfig c = EtcdConfig.parse("etcd://10.0.0.1:2379,etcd2:2379/runbook/prod?ttl=5s", Map.of());
        assertEquals(List.of(URI.create("http://10.0.0.1:2379"), URI.create("http://etcd2:2379")), c.endpoints());
        assertEquals("runbook/prod", c.prefix());
        assertEquals(Duration.ofSeconds(5), c.ttl());
        assertNull(c.user());
        assertEquals("etcd://10.0.0.1:2379,etcd2:2379/runbook/prod?ttl=5s", c.url());
    }

    @Test
    void defaultsToThirtySecondLeases() {
        assertEquals(
                Duration.ofSeconds(30),
                EtcdConfig.parse("etcd://h:2379/p", Map.of()).ttl());
        assertEquals(
                Duration.ofMinutes(2),
                EtcdConfig.parse("etcd://h:2379/p?ttl=2m", Map.of()).ttl());
    }

    @Test
    void tlsAndCaMakeHttps() {
        assertEquals(
                "https",
                EtcdConfig.parse("etcds://h:2379/p", Map.of())
                        .endpoints()
                        .get(0)
                        .getScheme());
        EtcdConfig ca = EtcdConfig.parse("etcd://h:2379/p?ca=/etc/etcd/ca.pem", Map.of());
        assertEquals("https", ca.endpoints().get(0).getScheme());
        assertEquals(Path.of("/etc/etcd/ca.pem"), ca.ca());
    }

    @Test
    void thePasswordComesFromTheEnvironmentOrTheUrlAndIsNeverShown() {
        EtcdConfig env = EtcdConfig.parse("etcd://ops@h:2379/p", Map.of(EtcdConfig.PASSWORD_ENV, "s3cret"));
        assertEquals("ops", env.user());
        assertEquals("s3cret", env.password());
        EtcdConfig inUrl = EtcdConfig.parse("etcd://ops:hunter2@h:2379/p", Map.of());
        assertEquals("hunter2", inUrl.password());
        assertFalse(inUrl.url().contains("hunter2"), inUrl.url());
        assertEquals("etcd://ops:***@h:2379/p", EtcdConfig.display("etcd://ops:hunter2@h:2379/p"));
    }

    @Test
    void mistakesSayWhatIsWrongWithoutThePassword() {
        IllegalArgumentException noPrefix =
                assertThrows(IllegalArgumentException.class, () -> EtcdConfig.parse("etcd://u:pw@h:2379", Map.of()));
        assertTrue(noPrefix.getMessage().contains("needs a prefix"), noPrefix.getMessage());
        assertFalse(noPrefix.getMessage().contains("pw@"), noPrefix.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EtcdConfig.parse("etcd://h/p", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> EtcdConfig.parse("etcd://h:2379/p?tll=3s", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> EtcdConfig.parse("etcd://h:2379/p?ttl=0s", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> EtcdConfig.parse("etcd://h:2379/p/", Map.of()));
    }

    @Test
    void tellsUrlsFromDirectories() {
        assertTrue(EtcdConfig.isEtcd("etcd://h:2379/p"));
        assertTrue(EtcdConfig.isEtcd("ETCDS://h:2379/p"));
        assertFalse(EtcdConfig.isEtcd("/var/lib/runbook"));
    }
}
