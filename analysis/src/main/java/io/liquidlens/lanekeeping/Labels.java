package io.liquidlens.lanekeeping;

/**
 * The classes of the camera's per-pixel label map, as rollouts store them ({@code labels}, uint8).
 */
public final class Labels {
    /** Sky, grass, haze beyond the draw distance: anything that is neither road nor distractor. */
    public static final byte BACKGROUND = 0;
    /** The paved surface (|d| up to the road's half width), markings excepted. */
    public static final byte ROAD = 1;
    /** A lane marking (the bands at d = +-laneHalfWidth). */
    public static final byte LANE_MARKING = 2;
    /** A pixel covered by a distractor: a roadside object, a shadow or an occlusion patch. */
    public static final byte DISTRACTOR = 3;

    private Labels() {
    }

    /** The class names in label order, as a rollout may list them. */
    public static String[] names() {
        return new String[] {"background", "road", "lane_marking", "distractor"};
    }
}
