package dev.primer.atari.wrappers;

import dev.primer.atari.core.Snapshot;

/** Checks that a snapshot handed to a wrapper's restoreState was made by that wrapper. */
final class Snapshots {

    private Snapshots() {
    }

    /** A wrapper snapshot that remembers which wrapper made it. */
    interface Owned extends Snapshot {
        Object owner();
    }

    static <S extends Owned> S own(Snapshot snapshot, Class<S> type, Object owner) {
        if (!type.isInstance(snapshot) || type.cast(snapshot).owner() != owner) {
            throw new IllegalArgumentException(owner.getClass().getSimpleName()
                    + ": snapshot was not made by this wrapper's cloneState(); restore the snapshot on the"
                    + " outermost wrapper that made it");
        }
        return type.cast(snapshot);
    }
}
