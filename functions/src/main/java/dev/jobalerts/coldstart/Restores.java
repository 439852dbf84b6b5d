package dev.jobalerts.coldstart;

/**
 * Counts restores from a snapshot. State that must not be shared by the copies Lambda restores from one snapshot
 * (random generators, pacing that reads a monotonic clock, readings of account limits) remembers the generation it
 * was made in and makes itself again when the generation has moved on. One counter instead of a hook per object:
 * such objects live deep in a handler's services, where no hook could reach them without wiring.
 */
public final class Restores {
    private static volatile long generation;

    private Restores() {}

    /** The number of restores this process has been through; 0 for a process that was never snapshotted. */
    public static long generation() {
        return generation;
    }

    /** Called once per restore, before the first invocation of the restored copy (by {@link Priming}; tests call it too). */
    public static synchronized void restored() {
        generation++;
    }
}
