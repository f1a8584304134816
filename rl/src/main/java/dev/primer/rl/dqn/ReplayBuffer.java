package dev.primer.rl.dqn;

import dev.primer.random.SplitMix64;
import dev.primer.rl.core.ObservationScaling;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A ring of transitions on primitive arrays (Lin 1992; Mnih et al. 2015): once full, each new transition
 * replaces the oldest. Observations are stored as bytes when their {@link ObservationScaling} fits bytes
 * (MinAtar's planes take 400 bytes instead of 1,600), otherwise as floats.
 *
 * <p>With {@link Replay#PRIORITIZED}, sampling is proportional to {@code p_i^α} through a {@link SumTree}, new
 * transitions get the largest priority seen so far, and {@link #sample} returns importance weights
 * {@code w_i = (N·P(i))^−β / max_j w_j} (max over the minibatch) (Schaul et al. 2016, Algorithm 1).
 */
public final class ReplayBuffer {
    private static final double PRIORITY_EPS = 1e-6;

    private final int capacity;
    private final int width;
    private final float byteFactor;
    private final byte[] obsBytes;
    private final byte[] nextBytes;
    private final float[] obsFloats;
    private final float[] nextFloats;
    private final int[] actions;
    private final float[] rewards;
    private final float[] discounts;
    private final boolean[] terminated;
    private final SumTree tree;
    private final double alpha;
    private double maxPriority = 1;
    private int stored;
    private int cursor;

    /**
     * A buffer of {@code capacity} transitions of {@code obsSize}-float observations.
     *
     * @param scaling what values observations hold (bytes are stored where they fit)
     * @param replay  uniform or prioritized sampling
     * @param alpha   PER's α (ignored for uniform)
     */
    public ReplayBuffer(int capacity, int obsSize, ObservationScaling scaling, Replay replay, double alpha) {
        this.capacity = capacity;
        this.width = obsSize;
        boolean bytes = scaling.fitsBytes();
        this.byteFactor = bytes ? scaling.byteFactor() : Float.NaN;
        long cells = (long) capacity * obsSize;
        if (cells > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("replay of " + capacity + " x " + obsSize + " is too large");
        }
        this.obsBytes = bytes ? new byte[(int) cells] : null;
        this.nextBytes = bytes ? new byte[(int) cells] : null;
        this.obsFloats = bytes ? null : new float[(int) cells];
        this.nextFloats = bytes ? null : new float[(int) cells];
        this.actions = new int[capacity];
        this.rewards = new float[capacity];
        this.discounts = new float[capacity];
        this.terminated = new boolean[capacity];
        this.tree = replay == Replay.PRIORITIZED ? new SumTree(capacity) : null;
        this.alpha = alpha;
    }

    /** Transitions stored (at most the capacity). */
    public int size() {
        return stored;
    }

    /** The most transitions it holds. */
    public int capacity() {
        return capacity;
    }

    /** Stores one transition, overwriting the oldest when full; see {@link NStepAccumulator.Sink}. */
    public void add(float[] observation, int action, float reward, float[] next, boolean isTerminal, float discount) {
        int slot = cursor;
        put(observation, obsBytes, obsFloats, slot);
        put(next, nextBytes, nextFloats, slot);
        actions[slot] = action;
        rewards[slot] = reward;
        discounts[slot] = discount;
        terminated[slot] = isTerminal;
        if (tree != null) {
            tree.set(slot, Math.pow(maxPriority, alpha));
        }
        cursor = (cursor + 1) % capacity;
        stored = Math.min(stored + 1, capacity);
    }

    private void put(float[] x, byte[] bytes, float[] floats, int slot) {
        int base = slot * width;
        if (bytes != null) {
            for (int i = 0; i < width; i++) {
                bytes[base + i] = (byte) Math.round(x[i] * byteFactor);
            }
        } else {
            System.arraycopy(x, 0, floats, base, width);
        }
    }

    /**
     * Draws {@code batch.size()} slots with replacement (uniform, or proportional with importance weights at
     * exponent {@code beta}) and copies the transitions into {@code batch}.
     */
    public void sample(SplitMix64 rng, double beta, Batch batch) {
        if (stored == 0) {
            throw new IllegalStateException("cannot sample an empty replay buffer");
        }
        int n = batch.slots.length;
        if (tree == null) {
            for (int i = 0; i < n; i++) {
                batch.slots[i] = rng.nextIntModulo(stored);
                batch.weights[i] = 1f;
            }
        } else {
            double total = tree.total();
            double segment = total / n;
            double minP = Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                // stratified: one draw from each of n equal slices of the total priority mass
                int slot = Math.min(tree.find((i + rng.nextDouble()) * segment), stored - 1);
                batch.slots[i] = slot;
                minP = Math.min(minP, tree.get(slot));
            }
            double maxW = Math.pow(stored * minP / total, -beta);
            for (int i = 0; i < n; i++) {
                double p = tree.get(batch.slots[i]) / total;
                batch.weights[i] = (float) (Math.pow(stored * p, -beta) / maxW);
            }
        }
        gather(batch);
    }

    /** Copies the transitions at {@code batch.slots} into the batch's arrays. */
    void gather(Batch batch) {
        for (int i = 0; i < batch.slots.length; i++) {
            int slot = batch.slots[i];
            get(obsBytes, obsFloats, slot, batch.observations, i * width);
            get(nextBytes, nextFloats, slot, batch.next, i * width);
            batch.actions[i] = actions[slot];
            batch.rewards[i] = rewards[slot];
            batch.discounts[i] = discounts[slot];
            batch.terminated[i] = terminated[slot];
        }
    }

    private void get(byte[] bytes, float[] floats, int slot, float[] out, int offset) {
        int base = slot * width;
        if (bytes != null) {
            float inv = 1f / byteFactor;
            for (int i = 0; i < width; i++) {
                out[offset + i] = (bytes[base + i] & 0xFF) * inv;
            }
        } else {
            System.arraycopy(floats, base, out, offset, width);
        }
    }

    /** Sets the priorities of sampled slots from their TD errors: {@code p = (|δ| + ε)^α} (prioritized only). */
    public void updatePriorities(int[] slots, float[] tdErrors) {
        if (tree == null) {
            return;
        }
        for (int i = 0; i < slots.length; i++) {
            double p = Math.abs(tdErrors[i]) + PRIORITY_EPS;
            maxPriority = Math.max(maxPriority, p);
            tree.set(slots[i], Math.pow(p, alpha));
        }
    }

    /** The sampling probability of {@code slot} (uniform: 1/{@link #size}). */
    public double probability(int slot) {
        return tree == null ? 1.0 / stored : tree.get(slot) / tree.total();
    }

    /** Writes every stored transition, the cursor and the priorities. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(stored);
        out.writeInt(cursor);
        out.writeDouble(maxPriority);
        if (obsBytes != null) {
            out.write(obsBytes, 0, stored * width);
            out.write(nextBytes, 0, stored * width);
        } else {
            writeFloats(out, obsFloats, stored * width);
            writeFloats(out, nextFloats, stored * width);
        }
        ByteBuffer b = ByteBuffer.allocate(stored * 13);
        for (int i = 0; i < stored; i++) {
            b.putInt(actions[i]).putFloat(rewards[i]).putFloat(discounts[i]).put((byte) (terminated[i] ? 1 : 0));
        }
        out.write(b.array());
        out.writeBoolean(tree != null);
        if (tree != null) {
            for (int i = 0; i < stored; i++) {
                out.writeDouble(tree.get(i));
            }
        }
    }

    /** Restores what {@link #write} wrote into a buffer of the same capacity and observation width. */
    public void read(DataInputStream in) throws IOException {
        stored = in.readInt();
        cursor = in.readInt();
        maxPriority = in.readDouble();
        if (stored > capacity) {
            throw new IOException("checkpoint holds " + stored + " transitions, buffer capacity is " + capacity);
        }
        if (obsBytes != null) {
            in.readFully(obsBytes, 0, stored * width);
            in.readFully(nextBytes, 0, stored * width);
        } else {
            readFloats(in, obsFloats, stored * width);
            readFloats(in, nextFloats, stored * width);
        }
        byte[] rows = new byte[stored * 13];
        in.readFully(rows);
        ByteBuffer b = ByteBuffer.wrap(rows);
        for (int i = 0; i < stored; i++) {
            actions[i] = b.getInt();
            rewards[i] = b.getFloat();
            discounts[i] = b.getFloat();
            terminated[i] = b.get() != 0;
        }
        boolean prioritized = in.readBoolean();
        if (prioritized != (tree != null)) {
            throw new IOException("checkpoint replay kind differs from this agent's");
        }
        if (tree != null) {
            for (int i = 0; i < stored; i++) {
                tree.set(i, in.readDouble());
            }
        }
    }

    static void writeFloats(DataOutputStream out, float[] a, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * n);
        b.asFloatBuffer().put(a, 0, n);
        out.write(b.array());
    }

    static void readFloats(DataInputStream in, float[] a, int n) throws IOException {
        byte[] raw = new byte[4 * n];
        in.readFully(raw);
        ByteBuffer.wrap(raw).asFloatBuffer().get(a, 0, n);
    }

    /** A minibatch: slots drawn, importance weights and the transitions, row-major. */
    public static final class Batch {
        final int[] slots;
        final float[] weights;
        final float[] observations;
        final float[] next;
        final int[] actions;
        final float[] rewards;
        final float[] discounts;
        final boolean[] terminated;

        /** Room for {@code n} transitions of {@code obsSize} floats. */
        public Batch(int n, int obsSize) {
            slots = new int[n];
            weights = new float[n];
            observations = new float[n * obsSize];
            next = new float[n * obsSize];
            actions = new int[n];
            rewards = new float[n];
            discounts = new float[n];
            terminated = new boolean[n];
        }

        /** The slots drawn. */
        public int[] slots() {
            return slots;
        }

        /** Importance weights (1 for uniform replay). */
        public float[] weights() {
            return weights;
        }

        /** Observations s, row-major [n × obsSize]. */
        public float[] observations() {
            return observations;
        }

        /** Observations s′, row-major [n × obsSize]. */
        public float[] next() {
            return next;
        }

        /** Actions a. */
        public int[] actions() {
            return actions;
        }

        /** Discounted (n-step) rewards. */
        public float[] rewards() {
            return rewards;
        }

        /** Discounts γᵏ to s′. */
        public float[] discounts() {
            return discounts;
        }

        /** Whether s′ is terminal. */
        public boolean[] terminated() {
            return terminated;
        }
    }
}
