package dev.primer.rl.alphago;

import dev.primer.go.GameState;
import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;
import dev.primer.go.board.Legality;
import dev.primer.go.features.InputPlanes;
import dev.primer.go.features.Plane;
import dev.primer.go.player.Decision;
import dev.primer.go.player.MoveGenerator;
import dev.primer.go.player.TimeBudget;
import dev.primer.nn.Net;
import dev.primer.nn.norm.BatchNormFolding;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A policy network playing without search (AlphaGo's "raw" policy player): the most probable move that is legal under
 * the game's rules and fills no one-point eye of its own (the moves {@link SelfPlay} offers the nets); a pass when the
 * net prefers it to every such point. One network forward pass per move, of one
 * view of the position or of its 8 symmetric views averaged ({@link SymmetricPolicy}).
 */
public final class PolicyPlayer implements MoveGenerator {
    private final Net net;
    private final boolean averageSymmetries;
    private final InputPlanes encoder = new InputPlanes();

    /**
     * Creates a player of {@code net} (one "planes" input, the move distribution over size² points and pass first),
     * averaging its 8 symmetric views when {@code averageSymmetries}; it plays a batch-norm-folded copy of the network
     * as it is now ({@link BatchNormFolding#forInference}).
     */
    public PolicyPlayer(Net net, boolean averageSymmetries) {
        this.net = BatchNormFolding.forInference(net);
        this.averageSymmetries = averageSymmetries;
    }

    @Override
    public Decision genmove(GameState state, Color c, TimeBudget budget) {
        GameState view = state;
        if (state.toMove() != c) {
            view = state.copy();
            view.setToMove(c);
        }
        Coords coords = view.coords();
        int size = coords.size();
        float[] planes = new float[Plane.COUNT * coords.area()];
        encoder.encodeInto(view, planes);
        float[] p = averageSymmetries ? SymmetricPolicy.average(net, planes, 1, size)
                : net.output(Nd4j.create(planes, new long[] {1, Plane.COUNT, size, size}, 'c'))[0]
                .reshape(coords.area() + 1).toFloatVector();
        int best = Coords.PASS;
        float bestP = p[coords.area()];
        for (int p0 : coords.points()) {
            int i = coords.index(p0);
            if (p[i] > bestP && !view.board().isEye(p0, c) && view.legality(c, p0) == Legality.OK) {
                best = p0;
                bestP = p[i];
            }
        }
        return Decision.play(best);
    }
}
