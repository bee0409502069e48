package dev.runbook.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A {@code call} adds its secrets while parallel steps of the caller print: a secret known before the
 * printing started must be masked in every line, whatever is being added at the same time.
 */
class RedactorConcurrencyTest {
    private static final int READERS = 4;
    private static final int ROUNDS = 200;
    private static final int ADDS_PER_ROUND = 50;

    @Test
    void aKnownSecretNeverLeaksWhileOthersAreAdded() throws Exception {
        Set<String> leaks = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
        try {
            for (int round = 0; round < ROUNDS && leaks.isEmpty(); round++) {
                oneRound(pool, round, leaks);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(Set.of(), Set.copyOf(leaks), "secrets shown in clear");
    }

    private static void oneRound(ExecutorService pool, int round, Set<String> leaks) throws Exception {
        List<String> known = List.of("known-" + round + "-alpha", "known-" + round + "-beta");
        Redactor redactor = new Redactor(known);
        String line = "one " + known.get(0) + " two " + known.get(1) + " three";
        AtomicBoolean adding = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            tasks.add(pool.submit(() -> {
                start.await();
                do {
                    String shown = redactor.redact(line);
                    known.stream().filter(shown::contains).forEach(leaks::add);
                } while (adding.get());
                return null;
            }));
        }
        tasks.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < ADDS_PER_ROUND; i++) {
                redactor.add("added-" + round + "-" + i);
            }
            adding.set(false);
            return null;
        }));
        start.countDown();
        for (Future<?> task : tasks) {
            task.get(30, TimeUnit.SECONDS);
        }
        assertTrue(redactor.values().contains("added-" + round + "-" + (ADDS_PER_ROUND - 1)));
    }
}
