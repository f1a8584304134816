package dev.primer.go;

import dev.primer.go.board.Color;
import dev.primer.go.board.Coords;

/**
 * One move of a game.
 *
 * @param color who moved
 * @param point the point played, or {@link Coords#PASS}
 */
public record Move(Color color, int point) {
    /** Returns true for a pass. */
    public boolean isPass() {
        return point == Coords.PASS;
    }
}
