package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.head.HeadSpec;
import io.liquidlens.head.ImageShape;
import io.liquidlens.head.LayerSpec;
import io.liquidlens.head.PerceptionHead;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VisualBackPropTest {

    /**
     * 1-channel 6x6 frame x(y, x) = 6y + x (0..35). conv1: kernel 3, stride 1, 2 channels: A picks the
     * centre pixel (bias 0), B takes minus the centre pixel with bias 20; ReLU. conv2: kernel 2, stride 2, one
     * channel summing the 2x2 block of A (weights 1 on A, 0 on B, bias 0); ReLU; flatten.
     */
    @Test
    void aTwoLayerNetGivesTheHandWorkedMask() {
        LayerSpec.Conv2d conv1 = new LayerSpec.Conv2d(1, 2, 3, 3, 1, 1, 0, 0, "c1.weight", "c1.bias");
        LayerSpec.Conv2d conv2 = new LayerSpec.Conv2d(2, 1, 2, 2, 2, 2, 0, 0, "c2.weight", "c2.bias");
        HeadSpec spec = new HeadSpec(new ImageShape(6, 6, 1), List.of(conv1, new LayerSpec.Relu(), conv2,
                new LayerSpec.Relu(), new LayerSpec.Flatten()));
        float[] w1 = new float[18];
        w1[4] = 1;
        w1[9 + 4] = -1;
        float[] w2 = {1, 1, 1, 1, 0, 0, 0, 0};
        Map<String, NdArray> sd = Map.of(
                "c1.weight", NdArray.ofFloats(new int[] {2, 1, 3, 3}, w1),
                "c1.bias", NdArray.ofFloats(new int[] {2}, new float[] {0, 20}),
                "c2.weight", NdArray.ofFloats(new int[] {1, 2, 2, 2}, w2),
                "c2.bias", NdArray.ofFloats(new int[] {1}, new float[] {0}));
        float[] frame = new float[36];
        for (int i = 0; i < 36; i++) {
            frame[i] = i;
        }
        // conv1 (4x4): A = centres    7  8  9 10 | B = relu(20 - A)  13 12 11 10 | mean  10 10 10   10
        //                            13 14 15 16 |                    7  6  5  4 |       10 10 10   10
        //                            19 20 21 22 |                    1  0  0  0 |       10 10 10.5 11
        //                            25 26 27 28 |                    0  0  0  0 |       12.5 13 13.5 14
        // conv2 (2x2, one channel): block sums of A: 7+8+13+14 = 42, 9+10+15+16 = 50, 19+20+25+26 = 90,
        //   21+22+27+28 = 98.
        // Up through conv2 (kernel 2, stride 2: each value fills its own 2x2 block), times conv1's mean:
        //   420  420  500  500
        //   420  420  500  500
        //   900  900 1029 1078      (98 * 10.5 = 1029, 98 * 11 = 1078)
        //  1125 1170 1323 1372      (90 * 12.5, 90 * 13, 98 * 13.5, 98 * 14)
        // Up through conv1 (kernel 3, stride 1): pixel (y, x) sums the values at rows y-2..y, columns x-2..x
        // that exist, e.g. (0,0) = 420; (0,1) = 420 + 420 = 840; (1,1) = 4 * 420 = 1680;
        // (2,2) = 420+420+500 + 420+420+500 + 900+900+1029 = 5509; (3,3) = 420+500+500 + 900+1029+1078
        //   + 1170+1323+1372 = 8292 (the largest); (5,5) = 1372.
        double[] raw = {
                420, 840, 1340, 1420, 1000, 500,
                840, 1680, 2680, 2840, 2000, 1000,
                1740, 3480, 5509, 5847, 4107, 2078,
                2445, 4935, 7787, 8292, 5802, 2950,
                2025, 4095, 6447, 6872, 4802, 2450,
                1125, 2295, 3618, 3865, 2695, 1372};
        // normalised: (v - 420) / (8292 - 420)
        double[] expected = Arrays.stream(raw).map(v -> (v - 420) / (8292 - 420)).toArray();
        SaliencyMap mask = new VisualBackProp(PerceptionHead.fromStateDict(spec, sd)).mask(frame);
        assertThat(mask.height()).isEqualTo(6);
        assertThat(mask.width()).isEqualTo(6);
        assertThat(mask.values()).containsExactly(expected, within(1e-12));
    }

    @Test
    void theCameraSampleGivesAFrameSizedMaskInTheUnitRange() {
        Path root = Stream.of(Path.of(".."), Path.of("."))
                .filter(p -> Files.isRegularFile(p.resolve("sample-models/ncp-lanekeeping/model.json")))
                .findFirst().orElseThrow();
        PerceptionHead head = LoadedModel.load(root.resolve("sample-models/ncp-lanekeeping")).network().head()
                .orElseThrow();
        Rollout rollout = Rollouts.read(root.resolve("sample-traces/ncp-lanekeeping/clean/episode-0000.npz"));
        int[] shape = rollout.inputs().shape();
        int h = shape[1];
        int w = shape[2];
        int frameSize = h * w * shape[3];
        float[] frames = rollout.inputs().toFloatArray();
        VisualBackProp vbp = new VisualBackProp(head);
        SaliencyMap mask = vbp.mask(frames, 100 * frameSize, head.newWorkspace());
        assertThat(mask.height()).isEqualTo(h);
        assertThat(mask.width()).isEqualTo(w);
        assertThat(Arrays.stream(mask.values()).min().orElseThrow()).isEqualTo(0.0);
        assertThat(Arrays.stream(mask.values()).max().orElseThrow()).isEqualTo(1.0);
        // the same frame gives the same mask, whichever way it is passed in
        float[] one = Arrays.copyOfRange(frames, 100 * frameSize, 101 * frameSize);
        assertThat(vbp.mask(one)).isEqualTo(mask);
    }

    @Test
    void refusesAHeadWithoutConvLayers() {
        HeadSpec spec = new HeadSpec(new ImageShape(2, 2, 1), List.of(new LayerSpec.Flatten()));
        PerceptionHead head = PerceptionHead.fromStateDict(spec, Map.of());
        assertThatThrownBy(() -> new VisualBackProp(head)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conv2d");
    }
}
