package io.liquidlens.causal;

/**
 * The measures of one recorded frame under one condition, from its clean and perturbed maps and outputs: the one
 * computation behind a report's frame metrics, whether the frame was measured in this process or in a work unit
 * elsewhere, so both give the same bits.
 *
 * @param ssim           SSIM of the clean and the perturbed map (NaN when the maps are smaller than its window)
 * @param deviation      |y_perturbed - y_clean| of the explained output
 * @param distractor     share of the perturbed map on distractor labels (NaN without labels)
 * @param task           share of the perturbed map on task labels (NaN without labels)
 * @param distractorArea share of the frame labelled distractor (NaN without labels)
 * @param taskArea       share of the frame labelled task (NaN without labels)
 * @param spurious       share of the perturbed map on spurious inputs (NaN without such inputs)
 */
record FrameMeasure(double ssim, double deviation, double distractor, double task, double distractorArea,
                    double taskArea, double spurious) {

    /**
     * @param labels   the perturbed frame's labels, or null when it has none
     * @param spurious a vector model's spurious inputs as labels, or null
     * @param step     the frame's step in its rollout
     */
    static FrameMeasure of(SaliencyMap clean, SaliencyMap map, double cleanOutput, double output, FrameLabels labels,
                           FrameLabels spurious, int step) {
        FrameChange change = FrameChange.of(clean, map, cleanOutput, output);
        SaliencyShare share = labels == null ? null : SaliencyShare.of(map, labels, step);
        SaliencyShare area = labels == null ? null : SaliencyShare.of(uniform(map), labels, step);
        return new FrameMeasure(change.ssim(), change.deviation(),
                share == null ? Double.NaN : share.distractor(), share == null ? Double.NaN : share.task(),
                area == null ? Double.NaN : area.distractor(), area == null ? Double.NaN : area.task(),
                spurious == null ? Double.NaN : SaliencyShare.of(map, spurious, step).distractor());
    }

    /** A map of ones the size of {@code like}: its shares are the labels' areas. */
    private static SaliencyMap uniform(SaliencyMap like) {
        double[] ones = new double[like.height() * like.width()];
        java.util.Arrays.fill(ones, 1);
        return new SaliencyMap(like.height(), like.width(), ones);
    }
}
