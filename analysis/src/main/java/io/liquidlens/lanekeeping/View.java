package io.liquidlens.lanekeeping;

/**
 * The pinhole projection of one frame: the camera's fixed intrinsics and mounting, and the pose it has in
 * this frame. Camera axes: the optical axis points along the car's heading tilted down by the pitch; image
 * columns grow to the right, rows grow downwards, pixel (col, row) has its centre at (col + 0.5, row + 0.5).
 */
final class View {
    /** Points nearer than this to the lens (metres along the optical axis) are not drawn. */
    static final double NEAR = 0.3;

    final int height;
    final int width;
    final int channels;
    final double focal;
    final double cx;
    final double cy;
    final double cosPitch;
    final double sinPitch;
    final double mount;

    double x;
    double y;
    double hx;
    double hy;

    View(CameraSpec spec) {
        height = spec.height();
        width = spec.width();
        channels = spec.channels();
        focal = spec.focalLength();
        cx = 0.5 * width;
        cy = 0.5 * height;
        cosPitch = Math.cos(spec.pitch());
        sinPitch = Math.sin(spec.pitch());
        mount = spec.mountHeight();
    }

    /** Places the camera above the pose's point, looking along its heading. */
    void set(Pose pose) {
        x = pose.x();
        y = pose.y();
        hx = Math.cos(pose.heading());
        hy = Math.sin(pose.heading());
    }

    /** Distance of a world point ahead of the camera, along the car's heading, on the ground plane. */
    double ahead(double wx, double wy) {
        return (wx - x) * hx + (wy - y) * hy;
    }

    /**
     * Projects the world point (wx, wy, wz) (wz = height above the road) into {@code out}: column coordinate
     * u, row coordinate v, depth along the optical axis.
     *
     * @return false when the point is closer than {@link #NEAR} or behind the camera (out is then undefined)
     */
    boolean project(double wx, double wy, double wz, double[] out) {
        double rx = wx - x;
        double ry = wy - y;
        double forward = rx * hx + ry * hy;
        double left = -rx * hy + ry * hx;
        double up = wz - mount;
        double depth = forward * cosPitch - up * sinPitch;
        if (depth < NEAR) {
            return false;
        }
        double above = forward * sinPitch + up * cosPitch;
        out[0] = cx - focal * left / depth;
        out[1] = cy - focal * above / depth;
        out[2] = depth;
        return true;
    }
}
