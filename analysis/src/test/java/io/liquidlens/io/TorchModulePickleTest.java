package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import io.liquidlens.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole pickled modules are read as inert placeholders: nothing a pickle names is imported or called, numpy arrays
 * come only from the bytes present, and every global outside the whitelist is refused by name.
 */
class TorchModulePickleTest {
    @TempDir
    Path dir;

    @Test
    void aPickledNcpsModuleBecomesPlaceholdersWithItsAttributesAndArrays() {
        PickleBuilder p = module("ncps.torch.ltc", "LTC").emptyDict()
                .str("input_size").integer(3).setItem()
                .str("matrix");
        ndarray(p, "i4", ">", new int[] {2, 2}, "\0\0\0\1\377\377\377\377\0\0\0\0\0\0\0\1");
        byte[] pickle = p.setItem().op('b').stop().bytes();

        PickledObject ltc = TorchCheckpoint.readModule(checkpoint("ok", pickle)).orElseThrow();

        assertThat(ltc.className()).isEqualTo("ncps.torch.ltc.LTC");
        assertThat(ltc.integer("input_size")).isEqualTo(3);
        assertThat(ltc.array("matrix")).isEqualTo(NdArray.ofLongs(DType.INT32, new int[] {2, 2},
                new long[] {1, -1, 0, 1}));
    }

    @Test
    void systemAndEvalInsideAModuleAreRefusedByName() {
        byte[] system = module("ncps.torch.ltc", "LTC").emptyDict().str("training").global("os", "system")
                .str("echo pwned").op(0x85).reduce().setItem().op('b').stop().bytes();
        byte[] eval = new PickleBuilder().proto(4).stackGlobal("builtins", "eval").str("1+1").op(0x85).reduce()
                .stop().bytes();

        assertThatThrownBy(() -> TorchCheckpoint.readModule(checkpoint("system", system)))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining(": unsupported pickle global os.system (");
        assertThatThrownBy(() -> TorchCheckpoint.readModule(checkpoint("eval", eval)))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("unsupported pickle global builtins.eval");
    }

    @Test
    void anotherLibrarysModuleIsRefusedByName() {
        byte[] resnet = module("torchvision.models.resnet", "ResNet").emptyDict().op('b').stop().bytes();

        assertThatThrownBy(() -> TorchCheckpoint.readModule(checkpoint("resnet", resnet)))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("unsupported pickle global torchvision.models.resnet.ResNet");
    }

    @Test
    void aModelClassOfTheUsersOwnScriptIsRefusedSayingWhatToSave() {
        byte[] net = module("__main__", "Net").emptyDict().op('b').stop().bytes();

        assertThatThrownBy(() -> TorchCheckpoint.readModule(checkpoint("net", net)))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("unsupported pickle global __main__.Net (a class of the script that saved it:"
                        + " save the ncps LTC or CfC it holds, or its state dict)");
    }

    @Test
    void aRecordedClassIsNeverCalled() {
        byte[] reduce = new PickleBuilder().proto(2).global("ncps.torch.ltc", "LTC").str("x").op(0x85).reduce()
                .stop().bytes();
        byte[] withArguments = new PickleBuilder().proto(2).global("torch.nn.modules.rnn", "LSTM").str("x")
                .op(0x85).op(0x81).stop().bytes();

        assertThatThrownBy(() -> TorchCheckpoint.readModule(checkpoint("reduce", reduce)))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("refused: the pickle calls ncps.torch.ltc.LTC");
        assertThatThrownBy(() -> TorchCheckpoint.readModule(checkpoint("args", withArguments)))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("refused: the pickle constructs torch.nn.modules.rnn.LSTM with arguments");
    }

    @Test
    void aPlaceholderUsedAsACallableIsRefused() {
        byte[] call = module("ncps.torch.ltc", "LTC").str("rm -rf /").op(0x85).reduce().stop().bytes();

        assertThatThrownBy(() -> TorchCheckpoint.readModule(checkpoint("call", call)))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("refused: the pickle calls an object of class ncps.torch.ltc.LTC");
    }

    @Test
    void aNumpyArrayClaimingAHugeShapeIsRefusedBeforeAllocating() {
        PickleBuilder huge = new PickleBuilder().proto(2);
        ndarray(huge, "f4", "<", new int[] {1 << 20, 1 << 20, 1 << 20}, "\0\0\0\0");
        PickleBuilder short4 = new PickleBuilder().proto(2);
        ndarray(short4, "f4", "<", new int[] {1_000_000_000}, "\0\0\0\0");

        assertThatThrownBy(() -> TorchCheckpoint.readModule(checkpoint("huge", huge.stop().bytes())))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("is too large to load");
        assertThatThrownBy(() -> TorchCheckpoint.readModule(checkpoint("short", short4.stop().bytes())))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("needs 4000000000 bytes but the pickle holds 4");
    }

    @Test
    void numpyArraysOfObjectsAndOtherEncodingsAreRefused() {
        PickleBuilder objects = new PickleBuilder().proto(2);
        ndarray(objects, "O8", "|", new int[] {1}, "\0\0\0\0\0\0\0\0");
        byte[] utf16 = new PickleBuilder().proto(2).global("_codecs", "encode").str("x").str("utf-16").op(0x86)
                .reduce().stop().bytes();

        assertThatThrownBy(() -> TorchCheckpoint.readModule(checkpoint("objects", objects.stop().bytes())))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("dtype 'O8', which is not read");
        assertThatThrownBy(() -> TorchCheckpoint.readModule(checkpoint("utf16", utf16)))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("_codecs.encode is read only as encode(str, 'latin1')");
    }

    @Test
    void theStateDictReaderStillRefusesModulesAndTheModuleReaderLeavesStateDictsToIt() {
        Path module = Fixtures.dir().resolve("modules/ltc_autoncp/model.pt");
        Path stateDict = Fixtures.checkpoint("ltc_fullyconnected16.pt");

        assertThatThrownBy(() -> TorchCheckpoint.read(module)).isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("unsupported pickle global ncps.torch.ltc.LTC");
        assertThat(TorchCheckpoint.readModule(stateDict)).isEmpty();
        assertThat(TorchCheckpoint.readModule(module).orElseThrow().className()).isEqualTo("ncps.torch.ltc.LTC");
    }

    /** {@code cls.__new__(cls)} of a module class, as torch.save pickles an nn.Module (BUILD follows). */
    private static PickleBuilder module(String module, String name) {
        return new PickleBuilder().proto(2).global(module, name).emptyTuple().op(0x81);
    }

    /** numpy's own pickling of an array: _reconstruct, then BUILD with (1, shape, dtype, False, bytes). */
    private static void ndarray(PickleBuilder p, String code, String endian, int[] shape, String latin1) {
        p.global("numpy.core.multiarray", "_reconstruct").global("numpy", "ndarray").ints(0)
                .global("_codecs", "encode").str("b").str("latin1").op(0x86).reduce().op(0x87).reduce();
        p.mark().integer(1).ints(shape)
                .global("numpy", "dtype").str(code).bool(false).bool(true).op(0x87).reduce()
                .mark().integer(3).str(endian).op('N').op('N').op('N').integer(-1).integer(-1).integer(0).tuple()
                .op('b')
                .bool(false)
                .global("_codecs", "encode").str(latin1).str("latin1").op(0x86).reduce()
                .tuple().op('b');
    }

    private Path checkpoint(String name, byte[] pickle) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(name + "/data.pkl", pickle);
        entries.put(name + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        Path file = dir.resolve(name + ".pt");
        ZipFiles.write(file, entries, 0);
        return file;
    }
}
