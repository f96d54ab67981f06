package io.liquidlens.io;

/**
 * Conversions between float32 and the two 16-bit float formats (IEEE binary16 and bfloat16), which
 * Java 17 lacks. Widening is exact; narrowing rounds to nearest, ties to even, as numpy and torch do.
 */
final class HalfFloats {
    private HalfFloats() {
    }

    /** The float32 value of binary16 bits {@code h} (low 16 bits used). */
    static float halfToFloat(int h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) { // infinity or NaN, payload kept
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) { // zero or subnormal: mantissa * 2^-24, exact in float32
            float magnitude = mantissa * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** The binary16 bits nearest to {@code f} (ties to even; overflow gives infinity). */
    static short floatToHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 | (mantissa >>> 13) : 0));
        }
        if (exponent == 0) { // float32 subnormals are far below the smallest half subnormal
            return (short) sign;
        }
        int unbiased = exponent - 127;
        if (unbiased > 15) {
            return (short) (sign | 0x7c00);
        }
        int significand = mantissa | 0x800000; // 24 bits
        // How many low bits of the 24-bit significand fall below the half's last place.
        int shift = unbiased >= -14 ? 13 : 13 + (-14 - unbiased);
        if (shift > 24) {
            return (short) sign; // below half of the smallest subnormal
        }
        int rounded = significand >>> shift;
        int remainder = significand & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        if (remainder > halfway || (remainder == halfway && (rounded & 1) == 1)) {
            rounded++;
        }
        if (unbiased < -14) {
            return (short) (sign | rounded); // subnormal (rounding up to 0x400 gives the smallest normal)
        }
        int result = ((unbiased + 15) << 10) + (rounded - 0x400); // a carry moves into the exponent
        return (short) (sign | Math.min(result, 0x7c00));
    }

    /** The float32 value of bfloat16 bits {@code b} (low 16 bits used): the top half of a float32. */
    static float bfloat16ToFloat(int b) {
        return Float.intBitsToFloat((b & 0xffff) << 16);
    }

    /** The bfloat16 bits nearest to {@code f} (ties to even; NaN stays NaN). */
    static short floatToBfloat16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        return (short) ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16);
    }
}
