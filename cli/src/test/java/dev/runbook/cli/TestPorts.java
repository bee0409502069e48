package dev.runbook.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for servers a test starts in another process (a pm2 app, nginx). They are chosen below Linux's
 * ephemeral range (32768-60999): a port taken from that range with {@code new ServerSocket(0)} can be handed to an
 * outgoing connection (the test's mongo client, pm2's RPC) before the child binds it, and the child then fails with
 * EADDRINUSE.
 */
final class TestPorts {
    private TestPorts() {}

    static int free() throws IOException {
        for (int i = 0; i < 200; i++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free loopback port between 20000 and 32000");
    }
}
