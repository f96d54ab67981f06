package io.liquidlens.lanekeeping;

/**
 * One distractor switched on, as {@code --distractors} names it ({@code NAME} or {@code NAME:COUNT}).
 *
 * @param name  the distractor kind (which names a sensor accepts: {@link Sensors})
 * @param count how many (channels, objects...), 0 = the sensor's default for that kind
 */
public record Distractor(String name, int count) {

    /** Checks the name is present and the count is not negative. */
    public Distractor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a distractor needs a name");
        }
        if (count < 0) {
            throw new IllegalArgumentException("distractor " + name + ": count must be >= 1, got " + count);
        }
    }

    @Override
    public String toString() {
        return count == 0 ? name : name + ":" + count;
    }
}
