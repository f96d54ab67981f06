package io.liquidlens.tree;

/** How the continuous motor decision becomes classes. */
public enum Binning {
    /**
     * {@code right} / {@code straight} / {@code left} (positive curvature = left): straight is a dead band
     * {@code |v| <= b} around zero whose half-width b is the 1/3 quantile of |v| over the data, so about a third
     * of the steps are straight whatever the decisions' scale, and left and right keep their sign's meaning.
     */
    LEFT_STRAIGHT_RIGHT,
    /** k bins of about equal counts, cut at the i/k quantiles of v, named {@code q1} (lowest) .. {@code qk}. */
    QUANTILES
}
