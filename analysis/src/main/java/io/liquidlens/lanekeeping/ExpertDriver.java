package io.liquidlens.lanekeeping;

/** The expert at the wheel: it steers exactly as {@link Expert} says and has no internal state. */
public final class ExpertDriver implements Driver {

    @Override
    public String name() {
        return "expert";
    }

    @Override
    public int stateSize() {
        return 0;
    }

    @Override
    public void reset() {
        // stateless
    }

    @Override
    public double act(float[] observation, int offset, double expertAction) {
        return expertAction;
    }

    @Override
    public void state(float[] into, int offset) {
        // stateless
    }
}
