package io.liquidlens.app.graph;

import io.liquidlens.wiring.NeuronRole;
import javafx.scene.paint.Color;

/**
 * The colours and widths the wiring graph draws with, precomputed so a step of playback only picks entries:
 * a diverging map for neuron states (purple low, white middle, orange high, each neuron against its own range
 * over the rollout), green excitatory and red inhibitory synapses whose opacity and width grow with the
 * current they carry, and a stroke colour per role.
 */
final class ActivityColors {
    /** Entries of the state colour map. */
    static final int STATE_LEVELS = 65;
    /** Entries of the synapse opacity/width scale. */
    static final int SYNAPSE_LEVELS = 12;
    /** Level of a vertex with nothing to show (the map's middle). */
    static final int NEUTRAL = STATE_LEVELS / 2;

    static final Color LOW = Color.web("#5e3c99");
    static final Color MIDDLE = Color.web("#f7f7f7");
    static final Color HIGH = Color.web("#e66101");
    static final Color EXCITATORY = Color.web("#1a9641");
    static final Color INHIBITORY = Color.web("#d7191c");
    static final Color SELECTED = Color.web("#ffb000");
    /** The ring around a clamped neuron: a blue no state level uses. */
    static final Color CLAMPED = Color.web("#0571b0");

    private static final Color[] STATES = new Color[STATE_LEVELS];
    private static final Color[] EXCITATORY_LEVELS = new Color[SYNAPSE_LEVELS];
    private static final Color[] INHIBITORY_LEVELS = new Color[SYNAPSE_LEVELS];
    private static final Double[] WIDTHS = new Double[SYNAPSE_LEVELS];
    private static final Color[] DENSE_EXCITATORY = new Color[SYNAPSE_LEVELS];
    private static final Color[] DENSE_INHIBITORY = new Color[SYNAPSE_LEVELS];
    private static final double[] DENSE_WIDTHS = new double[SYNAPSE_LEVELS];
    /** Thousands of synapses overlap: fainter and thinner, so the busiest still stand out. */
    private static final double DENSE_MAX_OPACITY = 0.6;
    /** Below this level a synapse of a large graph is not drawn at all. */
    static final int DENSE_MIN_LEVEL = 3;
    /** Large graphs draw one-pixel lines, two pixels from the middle level up ({@link SynapseRaster}). */
    private static final double DENSE_MAX_WIDTH = 2.0;
    private static final double MIN_OPACITY = 0.10;
    private static final double MIN_WIDTH = 0.6;
    private static final double MAX_WIDTH = 4.5;

    static {
        for (int i = 0; i < STATE_LEVELS; i++) {
            double f = i / (double) (STATE_LEVELS - 1);
            STATES[i] = f < 0.5 ? LOW.interpolate(MIDDLE, f * 2) : MIDDLE.interpolate(HIGH, f * 2 - 1);
        }
        for (int i = 0; i < SYNAPSE_LEVELS; i++) {
            double f = i / (double) (SYNAPSE_LEVELS - 1);
            double opacity = MIN_OPACITY + (1 - MIN_OPACITY) * f;
            EXCITATORY_LEVELS[i] = EXCITATORY.deriveColor(0, 1, 1, opacity);
            INHIBITORY_LEVELS[i] = INHIBITORY.deriveColor(0, 1, 1, opacity);
            WIDTHS[i] = MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * f;
            double dense = i < DENSE_MIN_LEVEL ? 0
                    : DENSE_MAX_OPACITY * (0.12 + 0.88 * (i - DENSE_MIN_LEVEL) / (SYNAPSE_LEVELS - 1.0 - DENSE_MIN_LEVEL));
            DENSE_EXCITATORY[i] = EXCITATORY.deriveColor(0, 1, 1, dense);
            DENSE_INHIBITORY[i] = INHIBITORY.deriveColor(0, 1, 1, dense);
            DENSE_WIDTHS[i] = i >= SYNAPSE_LEVELS / 2 ? DENSE_MAX_WIDTH : DENSE_MAX_WIDTH / 2;
        }
    }

    private ActivityColors() {
    }

    /** The state map entry {@code level} (0 = low, {@link #STATE_LEVELS} - 1 = high). */
    static Color state(int level) {
        return STATES[level];
    }

    /** The level of {@code value} within [lo, hi] (the middle when the range is empty or the value unknown). */
    static int stateLevel(float value, float lo, float hi) {
        if (!(hi > lo) || Float.isNaN(value)) {
            return NEUTRAL;
        }
        double f = (value - lo) / (double) (hi - lo);
        return (int) Math.round(Math.max(0, Math.min(1, f)) * (STATE_LEVELS - 1));
    }

    /** The level of a synapse carrying {@code value} against {@code scale} (saturating at the scale). */
    static int synapseLevel(float value, float scale) {
        if (!(scale > 0) || Float.isNaN(value)) {
            return 0;
        }
        double f = Math.abs(value) / scale;
        return (int) Math.round(Math.min(1, f) * (SYNAPSE_LEVELS - 1));
    }

    /** The colour of a synapse of {@code polarity} at {@code level}. */
    static Color synapse(int polarity, int level) {
        return polarity >= 0 ? EXCITATORY_LEVELS[level] : INHIBITORY_LEVELS[level];
    }

    /** The colour of a synapse of {@code polarity} at {@code level} in a large graph (level 0 is invisible). */
    static Color denseSynapse(int polarity, int level) {
        return polarity >= 0 ? DENSE_EXCITATORY[level] : DENSE_INHIBITORY[level];
    }

    /** The width in pixels of a synapse at {@code level} in a large graph. */
    static double denseSynapseWidth(int level) {
        return DENSE_WIDTHS[level];
    }

    /** The width in pixels of a synapse at {@code level} (boxed once, as GraphStream stores it). */
    static Double synapseWidth(int level) {
        return WIDTHS[level];
    }

    /** The outline colour of a vertex of {@code role}. */
    static Color stroke(NeuronRole role) {
        return switch (role) {
            case SENSORY -> Color.web("#4d4d4d");
            case INTER -> Color.web("#2c7bb6");
            case COMMAND -> Color.web("#111111");
            case MOTOR -> Color.web("#8c510a");
        };
    }

    /** CSS hex of {@code c} without alpha. */
    static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** The same colour for Java2D (SVG export). */
    static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) c.getOpacity());
    }
}
