package io.liquidlens.lanekeeping;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes rendered frames as PNG pictures (enlarged) for a person to look at; test-only, uses java.awt. */
final class FramePictures {
    private static final int[] LABEL_COLOURS = {0x202020, 0x808080, 0xFFFFFF, 0xFF2020};

    private FramePictures() {
    }

    /** The frame above its label map, each pixel drawn as a scale x scale block. */
    static void write(Path file, CameraSpec spec, float[] image, byte[] labels, int scale) throws IOException {
        int h = spec.height();
        int w = spec.width();
        int c = spec.channels();
        BufferedImage out = new BufferedImage(w * scale, 2 * h * scale + scale, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int i = (row * w + col) * c;
                int r = byteOf(image[i]);
                int g = c == 3 ? byteOf(image[i + 1]) : r;
                int b = c == 3 ? byteOf(image[i + 2]) : r;
                fill(out, col, row, scale, (r << 16) | (g << 8) | b);
                fill(out, col, row + h + 1, scale, LABEL_COLOURS[labels[row * w + col]]);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
    }

    private static int byteOf(float v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    private static void fill(BufferedImage out, int col, int row, int scale, int rgb) {
        for (int y = 0; y < scale; y++) {
            for (int x = 0; x < scale; x++) {
                out.setRGB(col * scale + x, row * scale + y, rgb);
            }
        }
    }
}
