# Writes the numpy-made reference files the io tests read. Run once by hand (numpy 2.x); the tests never
# call python. The expected values are repeated literally in the Java tests.
import json, struct
import numpy as np

np.save("f4_2x3.npy", np.array([[-1.5, 0.0, 0.25], [1e-3, 3.4028235e38, -7.0]], dtype="<f4"))
np.save("f8.npy", np.array([np.pi, -0.0, 1e-300], dtype="<f8"))
np.save("f2.npy", np.array([1.0, -2.5, 65504.0, 2.0 ** -24, np.inf], dtype="<f2"))
np.save("i1.npy", np.array([-128, 0, 127], dtype="i1"))
np.save("i2.npy", np.array([-32768, 1, 32767], dtype="<i2"))
np.save("i4.npy", np.array([-2147483648, 2, 2147483647], dtype="<i4"))
np.save("i8.npy", np.array([-9223372036854775808, 3, 9223372036854775807], dtype="<i8"))
np.save("u1.npy", np.array([0, 1, 255], dtype="u1"))
np.save("u2.npy", np.array([0, 1, 65535], dtype="<u2"))
np.save("u4.npy", np.array([0, 1, 4294967295], dtype="<u4"))
np.save("u8.npy", np.array([0, 1, 18446744073709551615], dtype="<u8"))
np.save("b1.npy", np.array([[True, False], [False, True]]))
np.save("unicode.npy", np.array(["d", "mu", "kappa", "\u03a9\u00e9\U0001F600"]))
np.save("scalar0d.npy", np.array(3.5, dtype="<f4"))
np.save("empty_0x3.npy", np.zeros((0, 3), dtype="<f4"))
np.save("be_f4.npy", np.array([1.5, -2.0], dtype=">f4"))
np.save("be_i8.npy", np.array([-2, 258], dtype=">i8"))
np.save("be_unicode.npy", np.array(["ab", "c"], dtype=">U2"))
with open("v2.npy", "wb") as f:
    np.lib.format.write_array(f, np.array([1.0, 2.0], dtype="<f4"), version=(2, 0))
with open("v3.npy", "wb") as f:
    np.lib.format.write_array(f, np.array([1.0, 2.0], dtype="<f4"), version=(3, 0))
np.save("fortran.npy", np.asfortranarray(np.arange(6, dtype="<f4").reshape(2, 3)))
np.save("object.npy", np.array([1, "a", None], dtype=object), allow_pickle=True)

inputs = np.arange(6, dtype="<f4").reshape(3, 2) / 4
names = np.array(["offset", "heading"])
np.savez("stored.npz", inputs=inputs, world_names=names, steps=np.array([1, 2, 3], dtype="<i8"))
np.savez_compressed("compressed.npz", inputs=inputs, world_names=names, steps=np.array([1, 2, 3], dtype="<i8"))

# safetensors by hand, following the spec (the library is not installed here): F32 (2,2), I64 (3,), BOOL (2,),
# F16 (2,), BF16 (2,) in this order, header padded with spaces to a multiple of 8.
def bf16(values):
    return b"".join(struct.pack("<I", struct.unpack("<I", struct.pack("<f", v))[0])[2:] for v in values)
parts = [
    ("weight", "F32", [2, 2], np.array([1.0, -2.0, 0.5, 3.25], dtype="<f4").tobytes()),
    ("steps", "I64", [3], np.array([-1, 0, 7], dtype="<i8").tobytes()),
    ("mask", "BOOL", [2], bytes([1, 0])),
    ("half", "F16", [2], np.array([0.5, -65504.0], dtype="<f2").tobytes()),
    ("brain", "BF16", [2], bf16([1.0, -3.0])),
]
header, data = {"__metadata__": {"format": "pt", "source": "liquidlens test"}}, b""
for name, dtype, shape, raw in parts:
    header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
    data += raw
text = json.dumps(header, separators=(",", ":")).encode()
text += b" " * (-len(text) % 8)
with open("reference.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(text)) + text + data)
