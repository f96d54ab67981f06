package io.liquidlens.train.preset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.train.TrainOptions;

/**
 * A named training recipe: the network to train (a model.json template without weights), how its imitation
 * data are recorded in the sample world, and how it is trained. {@code liquidlens train --preset NAME} runs it.
 *
 * @param name        the preset's command-line name
 * @param description one line saying what it trains
 * @param template    the model.json to train (weights drawn from the training seed)
 * @param data        how the training rollouts are recorded
 * @param training    the training options (the seed is the run's {@code --seed})
 * @param quick       {@code --quick}: a much smaller data set and training, to check the recipe runs end to end
 * @param dagger      null, or one DAgger round in the middle of training
 */
public record TrainingPreset(String name, String description, ObjectNode template, DataRecipe data, TrainOptions training,
                      Quick quick, Dagger dagger) {

    /**
     * One round of DAgger (Ross et al., 2011): after {@code afterEpoch} epochs on the expert's data, the
     * network itself drives new training roads (as many as {@code share} of the expert's episodes, as long, with
     * the same DART noise) while the expert labels every step with what it would have done; training then
     * continues on both data sets. Imitation of the expert's data alone never shows the network the states its
     * own small errors lead to, and those compounding errors are what make a cloned driver leave the lane in
     * sharp bends.
     *
     * @param afterEpoch epochs trained before the network drives (scaled with {@code --epochs})
     * @param share      episodes driven by the network per episode of expert data
     */
    public record Dagger(int afterEpoch, double share) {

        /** The round for a run of {@code epochs} instead of {@code presetEpochs}; null when too short for one. */
        Dagger scaledTo(int epochs, int presetEpochs) {
            if (epochs < 2) {
                return null;
            }
            int after = (int) Math.round((double) afterEpoch * epochs / presetEpochs);
            return new Dagger(Math.max(1, Math.min(epochs - 1, after)), share);
        }

        /** Episodes the network drives when the expert recorded {@code dataEpisodes}: at least one. */
        int episodes(int dataEpisodes) {
            return Math.max(1, (int) Math.round(dataEpisodes * share));
        }
    }

    /**
     * How a preset's data are recorded with {@code liquidlens record}: the expert drives training-stream
     * episodes with DART noise, so the data show recoveries.
     *
     * @param sensor      {@code vector} or {@code camera}
     * @param episodes    episodes recorded
     * @param steps       steps per episode
     * @param dart        DART sigma (1/m)
     * @param distractors {@code --distractors} (vector: the model's extra input channels; camera: augmentation)
     * @param noise       sensor noise variance during recording (augmentation; 0 = none)
     * @param seed        the recording's seed, or null for the run's training seed; a fixed seed gives every run
     *                    of the recipe the same episodes whatever its training seed, so networks trained with
     *                    different seeds are compared on the same data
     */
    public record DataRecipe(String sensor, int episodes, int steps, double dart, String distractors, double noise,
                             Long seed) {

        /** Data recorded with the run's training seed. */
        public DataRecipe(String sensor, int episodes, int steps, double dart, String distractors, double noise) {
            this(sensor, episodes, steps, dart, distractors, noise, null);
        }

        /** The same recipe with other counts. */
        DataRecipe withSize(int newEpisodes, int newSteps) {
            return new DataRecipe(sensor, newEpisodes, newSteps, dart, distractors, noise, seed);
        }

        /** The seed the data are recorded with when the network is trained with {@code trainingSeed}. */
        public long seedFor(long trainingSeed) {
            return seed == null ? trainingSeed : seed;
        }
    }

    /**
     * The shortened run of {@code --quick}.
     *
     * @param episodes episodes recorded
     * @param steps    steps per episode
     * @param epochs   epochs trained
     */
    public record Quick(int episodes, int steps, int epochs) {
    }

    /** The template as a fresh copy (callers may edit it). */
    @Override
    public ObjectNode template() {
        return template.deepCopy();
    }
}
