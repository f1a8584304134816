package dev.primer.atari.wrappers;

import dev.primer.atari.spaces.Box;
import dev.primer.atari.spaces.DType;
import dev.primer.atari.spaces.Space;

/** Space checks shared by the pixel wrappers. */
final class Wrappers {

    private Wrappers() {
    }

    /** The space as a uint8 box, or an exception naming the wrapper that needs one. */
    @SuppressWarnings("unchecked")
    static Box<byte[]> uint8(Space<byte[]> space, String wrapper) {
        if (space instanceof Box<?> box && box.dtype() == DType.UINT8) {
            return (Box<byte[]>) box;
        }
        throw new IllegalArgumentException(wrapper + " needs a uint8 Box observation space, got " + space);
    }
}
