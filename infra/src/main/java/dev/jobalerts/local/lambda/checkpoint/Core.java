package dev.jobalerts.local.lambda.checkpoint;

import java.util.ArrayList;
import java.util.List;

/** The global context, and the checkpoint/restore cycle the local runtime goes through for a SnapStart function. */
public final class Core {
    private static final GlobalContext GLOBAL = new GlobalContext();

    private Core() {}

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /**
     * What Lambda does when it takes a snapshot and later resumes it, without the snapshot: every hook's
     * {@code beforeCheckpoint}, then every hook's {@code afterRestore}.
     */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        GLOBAL.beforeCheckpoint(null);
        GLOBAL.afterRestore(null);
    }

    private static final class GlobalContext extends Context<Resource> {
        private final List<Resource> resources = new ArrayList<>();

        @Override
        public synchronized void register(Resource resource) {
            resources.add(resource);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
            List<Resource> inOrder = snapshot();
            CheckpointException failed = null;
            for (int i = inOrder.size() - 1; i >= 0; i--) {
                try {
                    inOrder.get(i).beforeCheckpoint(this);
                } catch (Exception e) {
                    if (failed == null) failed = new CheckpointException();
                    failed.addSuppressed(e);
                }
            }
            if (failed != null) throw failed;
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) throws RestoreException {
            RestoreException failed = null;
            for (Resource resource : snapshot()) {
                try {
                    resource.afterRestore(this);
                } catch (Exception e) {
                    if (failed == null) failed = new RestoreException();
                    failed.addSuppressed(e);
                }
            }
            if (failed != null) throw failed;
        }

        private synchronized List<Resource> snapshot() {
            return new ArrayList<>(resources);
        }
    }
}
