package org.perfledger.infra.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers started later, by another process. An OS-assigned port ({@code new ServerSocket(0)}) comes from
 * the ephemeral range, which outgoing connections (a Kafka client, an HTTP call) also draw from: one of them may take
 * the port before the server binds it. These come from below Linux's ephemeral range (32768 and up), are free when
 * handed out, and are never handed out twice by one JVM.
 */
public final class FreePorts {

    private static final int FROM = 20_000;
    private static final int TO = 32_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int pick() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FROM, TO);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                HANDED_OUT.add(port);
                return port;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port between " + FROM + " and " + TO);
    }
}
