package io.liquidlens.lanekeeping;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.StepBuffers;
import java.util.Arrays;

/**
 * A network at the wheel, stepped one observation at a time with its state (h, and c for mixed memory)
 * carried from step to step, elapsed time 1 per step (rollouts omit {@code timespans}, which means 1).
 * Output 0 is the action. The state starts at zero in every episode and is kept through a crash reset,
 * as a driver's memory would be.
 */
public final class ModelDriver implements Driver {
    private final String name;
    private final LiquidModel network;
    private final float[] h;
    private final float[] c;
    private final float[] out;
    private final StepBuffers buffers;

    private ModelDriver(String name, LiquidModel network) {
        this.name = name;
        this.network = network;
        h = new float[network.stateSize()];
        c = new float[network.stateSize()];
        out = new float[network.outputSize()];
        buffers = network.newBuffers();
    }

    /**
     * A driver for {@code model} reading {@code sensor}.
     *
     * @throws LiquidLensException naming the model when it does not take what the sensor gives (kind, size,
     *                             or differently named vector features)
     */
    public static ModelDriver of(LoadedModel model, Sensor sensor) {
        return of(model, model.network(), sensor);
    }

    /**
     * A driver for {@code network}, a changed copy of {@code model}'s own network (e.g. with neurons clamped by
     * {@code sim.Intervention.apply}), reading {@code sensor}; {@code model} names the driver and says what inputs
     * it reads. Any change the network carries is in every step it drives.
     *
     * @throws LiquidLensException naming the model when it does not take what the sensor gives, or when
     *                             {@code network} does not have the model's input, state and output sizes
     */
    public static ModelDriver of(LoadedModel model, LiquidModel network, Sensor sensor) {
        LiquidModel own = model.network();
        if (network.frameSize() != own.frameSize() || network.stateSize() != own.stateSize()
                || network.outputSize() != own.outputSize()) {
            throw new LiquidLensException(model.folder(), "the network given to drive is not a changed copy of this"
                    + " model's (its sizes differ)");
        }
        LiquidModel net = network;
        String where = io.liquidlens.provenance.Provenance.displayPath(model.folder());
        boolean frames = net.head().isPresent();
        boolean sensorFrames = sensor.shape().length == 3;
        if (frames != sensorFrames) {
            throw new LiquidLensException(model.folder(), frames
                    ? "takes camera frames; use --sensor camera"
                    : "takes feature vectors; use --sensor vector");
        }
        if (net.frameSize() != sensor.size()) {
            throw new LiquidLensException(model.folder(), "takes " + net.frameSize() + " values per step but the "
                    + sensor.name() + " sensor gives " + sensor.size() + " " + describe(sensor)
                    + "; use the --sensor and --distractors the model was trained with");
        }
        ModelManifest.InputSpec inputs = model.manifest().inputs();
        if (!frames && inputs != null && named(inputs.names()) && !sensor.readsAsNamed(inputs.names())) {
            throw new LiquidLensException(model.folder(), "reads inputs " + inputs.names() + " but the vector sensor"
                    + " gives " + sensor.featureNames() + "; use the --distractors the model was trained with");
        }
        if (net.outputSize() < 1) {
            throw new LiquidLensException(model.folder(), "has no output to steer with");
        }
        return new ModelDriver(where, net);
    }

    /** True unless the names are empty or the manifest's defaults (input_0, input_1, ...). */
    private static boolean named(java.util.List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals("input_" + i)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Sensor sensor) {
        return sensor.featureNames().isEmpty() ? Arrays.toString(sensor.shape()) : sensor.featureNames().toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int stateSize() {
        return h.length;
    }

    @Override
    public void reset() {
        Arrays.fill(h, 0f);
        Arrays.fill(c, 0f);
    }

    @Override
    public double act(float[] observation, int offset, double expertAction) {
        network.step(observation, offset, 1f, h, c, out, 0, null, 0, buffers);
        return out[0];
    }

    @Override
    public void state(float[] into, int offset) {
        System.arraycopy(h, 0, into, offset, h.length);
    }
}
