package dev.primer.atari.minatar;

/** Reads C x 10 x 10 observation planes in tests. */
final class Planes {

    private Planes() {
    }

    static boolean at(boolean[] obs, int channel, int y, int x) {
        return obs[channel * MinAtarGame.CELLS + y * MinAtarGame.SIZE + x];
    }

    static int count(boolean[] obs, int channel) {
        int n = 0;
        for (int i = 0; i < MinAtarGame.CELLS; i++) {
            n += obs[channel * MinAtarGame.CELLS + i] ? 1 : 0;
        }
        return n;
    }

    /** The (y, x) of the only active cell of a channel. */
    static int[] single(boolean[] obs, int channel) {
        int[] found = null;
        for (int i = 0; i < MinAtarGame.CELLS; i++) {
            if (obs[channel * MinAtarGame.CELLS + i]) {
                if (found != null) {
                    throw new AssertionError("channel " + channel + " has more than one active cell");
                }
                found = new int[] {i / MinAtarGame.SIZE, i % MinAtarGame.SIZE};
            }
        }
        if (found == null) {
            throw new AssertionError("channel " + channel + " is empty");
        }
        return found;
    }
}
