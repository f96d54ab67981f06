/**
 * Training presets of the sample world: named recipes ({@link io.liquidlens.train.preset.TrainingPresets}) that
 * say which network to train, how the expert records its imitation data in the lane-keeping world, and how it is
 * trained, and the run of one ({@link io.liquidlens.train.preset.PresetTraining}): record, train, and for the
 * camera presets one DAgger round in which the network drives while the expert labels. The vector seed study
 * ({@link io.liquidlens.train.preset.VectorStudy}) is a family of such presets: four architectures times five
 * training seeds, all on one data set recorded with a fixed seed.
 *
 * <p>A package of its own because it joins two others: {@code train} knows nothing of the sample world, and
 * {@code lanekeeping} nothing of training. Depends on {@code train}, {@code lanekeeping}, {@code model} and
 * {@code provenance}.
 */
package io.liquidlens.train.preset;
