package org.mandate.bench.measure;

import java.util.concurrent.locks.LockSupport;

final class Clock {

    private Clock() {
    }

    static void sleepUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
