package io.liquidlens.dynamics.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.dynamics.DynamicsOptions;
import io.liquidlens.dynamics.DynamicsResult;
import io.liquidlens.dynamics.NeuronDynamics;
import io.liquidlens.dynamics.figures.DynamicsFigures;
import io.liquidlens.dynamics.figures.NamedFigure;
import io.liquidlens.io.IOConsumer;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.testing.RolloutSlices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The files of a dynamics run, read back and held against the result records they were written from. */
class DynamicsExportsTest {
    private static final DynamicsProgress QUIET = (done, total) -> { };
    private static final DynamicsOptions OPTIONS = new DynamicsOptions(false, 0.02, 2, 5L);

    @TempDir
    static Path dir;
    private static DynamicsRun run;

    static Path sample(String what) {
        for (Path root : new Path[] {Path.of(".."), Path.of(".")}) {
            if (Files.exists(root.resolve(what))) {
                return root.resolve(what);
            }
        }
        throw new IllegalStateException("no " + what);
    }

    /** The first {@code steps} steps of the vector sample's clean episodes, written to {@code folder}. */
    static Path vectorEpisodes(Path folder, int episodes, int steps, boolean world) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = Rollouts.list(List.of(sample("sample-traces/vector-lanekeeping/clean")));
        for (int e = 0; e < episodes; e++) {
            Rollout r = RolloutSlices.head(Rollouts.read(files.get(e)), steps);
            if (!world) {
                r = new Rollout(r.inputs(), r.timespans(), r.actions(), r.states(), null, List.of(), r.position(),
                        r.labels(), Map.of());
            }
            Rollouts.write(folder.resolve(String.format("episode-%04d.npz", e)), r);
        }
        return folder;
    }

    @BeforeAll
    static void measure() throws IOException {
        Path rollouts = vectorEpisodes(dir.resolve("rollouts"), 2, 60, true);
        run = new DynamicsRequest(List.of(sample("sample-models/vector-lanekeeping")), List.of(rollouts), OPTIONS,
                MapColour.PC1).run("liquidlens dynamics", QUIET);
    }

    private static byte[] file(String name) throws IOException {
        IOConsumer<OutputStream> body = DynamicsExports.files(run).get(name);
        assertThat(body).as(name).isNotNull();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.accept(out);
        return out.toByteArray();
    }

    @Test
    void theJsonHoldsEveryNumberOfTheResult() throws IOException {
        JsonNode json = new ObjectMapper().readTree(file("dynamics.json"));
        DynamicsResult r = run.models().get(0).result();
        assertThat(json.get("format").asText()).isEqualTo("liquidlens.dynamics/1");
        JsonNode model = json.get("models").get(0);
        assertThat(model.get("model").asText()).isEqualTo("vector-lanekeeping");
        assertThat(model.get("states_source").asText()).isEqualTo(r.statesSource());
        JsonNode pca = model.get("pca");
        double[] ratio = r.pca().explainedVarianceRatio();
        assertThat(pca.get("explained_variance_ratio")).hasSize(ratio.length);
        for (int k = 0; k < ratio.length; k++) {
            assertThat(pca.get("explained_variance_ratio").get(k).asDouble()).isEqualTo(ratio[k]);
            assertThat(pca.get("explained_variance").get(k).asDouble()).isEqualTo(r.pca().explainedVariance()[k]);
            assertThat(pca.get("components").get(k).get(1).asDouble()).isEqualTo(r.pca().components()[k][1]);
        }
        assertThat(pca.get("pc1_share").asDouble()).isEqualTo(r.pca().pc1Share());
        // the vector sample's motor neuron is id 0: left out by default
        assertThat(pca.get("motor_included").asBoolean()).isFalse();
        assertThat(pca.get("neurons").get(0).asText()).isEqualTo("command 0 (id 1)");
        assertThat(pca.get("neurons")).hasSize(r.neurons().size() - 1);
        assertThat(pca.get("mean").get(0).asDouble()).isEqualTo(r.pca().mean()[0]);
        JsonNode neurons = model.get("neurons");
        assertThat(neurons).hasSize(r.neurons().size());
        for (int i = 0; i < r.neurons().size(); i++) {
            NeuronDynamics n = r.neurons().get(i);
            JsonNode j = neurons.get(i);
            assertThat(j.get("name").asText()).isEqualTo(n.name());
            assertThat(j.get("label").asText()).isEqualTo(n.label());
            assertThat(j.get("corr_output").get("pearson").asDouble()).isEqualTo(n.corrOutput().pearson());
            assertThat(j.get("corr_output").get("spearman").asDouble()).isEqualTo(n.corrOutput().spearman());
            assertThat(j.get("corr_world").get("x").get("pearson").asDouble())
                    .isEqualTo(n.corrWorld().get("x").pearson());
            assertThat(j.get("lmax").asDouble()).isEqualTo(n.lmax());
            assertThat(j.get("tau_p10").asDouble()).isEqualTo(n.tauP10());
            assertThat(j.get("tau_median").asDouble()).isEqualTo(n.tauMedian());
            assertThat(j.get("tau_p90").asDouble()).isEqualTo(n.tauP90());
        }
        // the crash column is constant (0) on a clean drive: its correlation is undefined, written as null
        assertThat(neurons.get(1).get("corr_world").get("crash").get("pearson").isNull()).isTrue();
        JsonNode s = model.get("sensitivity");
        assertThat(s.get("noise").asDouble()).isEqualTo(0.02);
        assertThat(s.get("trials").asInt()).isEqualTo(2);
        assertThat(s.get("seed").asLong()).isEqualTo(5L);
        assertThat(s.get("max").asDouble()).isEqualTo(r.sensitivity().max()).isPositive();
        assertThat(s.get("median").asDouble()).isEqualTo(r.sensitivity().median());
        assertThat(json.get("rollouts").get(1).get("file").asText()).isEqualTo("episode-0001.npz");
        assertThat(json.get("rollouts").get(1).get("steps").asInt()).isEqualTo(60);
        JsonNode provenance = json.get("provenance");
        assertThat(provenance.get("command").asText()).isEqualTo("liquidlens dynamics");
        assertThat(provenance.get("inputs")).extracting(i -> i.get("role").asText())
                .containsExactly("model", "weights", "rollout", "rollout");
        assertThat(provenance.get("options").get("noise_trials").asText()).isEqualTo("2");
    }

    @Test
    void theCsvHasOneRowPerNumberAndTheyReadBackExactly() throws IOException {
        List<String> lines = new String(file("dynamics.csv"), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("model,neuron,quantity,value");
        List<DynamicsCsv.Row> rows = DynamicsCsv.rows(run);
        assertThat(lines).hasSize(rows.size() + 1);
        DynamicsResult r = run.models().get(0).result();
        assertThat(lines).contains("vector-lanekeeping,,pca.explained_variance_ratio.1,"
                + r.pca().explainedVarianceRatio()[0]);
        NeuronDynamics c0 = r.neurons().get(1);
        assertThat(lines).contains("vector-lanekeeping,command 0 (id 1),lmax," + c0.lmax(),
                "vector-lanekeeping,command 0 (id 1),corr_world.x.spearman," + c0.corrWorld().get("x").spearman(),
                "vector-lanekeeping,command 0 (id 1),pca.components.1," + r.pca().components()[0][0],
                "vector-lanekeeping,command 0 (id 1),corr_world.crash.pearson,");
        // the motor neuron is no column of PCA, so it has no loadings
        assertThat(lines).noneMatch(l -> l.startsWith("vector-lanekeeping,motor 0 (id 0),pca."));
        int n = r.neurons().size();
        int k = r.pca().explainedVarianceRatio().length;
        int world = c0.corrWorld().size();
        assertThat(rows).hasSize(3 + 2 * k + 6 + n * (2 + 2 * world + 4) + (n - 1) * (1 + k));
    }

    @Test
    void thePdfHasASummaryEveryFigureAndTheProvenanceAsText() throws IOException {
        try (PDDocument doc = Loader.loadPDF(file("dynamics.pdf"))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2 + DynamicsExports.figures(run).size());
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Dynamics of vector-lanekeeping", "PCA of the hidden states",
                    "Trajectory in PC1-PC2", "The drive coloured by PC1", "Neurons against the output",
                    "Smoothness: L_max per neuron", "Time constants", "Provenance", "episode-0001.npz",
                    "left: v > b");
            assertThat(doc.getDocumentInformation().getCustomMetadataValue("liquidlens.provenance"))
                    .contains("\"command\":\"liquidlens dynamics\"");
        }
    }

    @Test
    void everyFigureIsAlsoAnSvgFileThatParsesAsXml() throws Exception {
        List<NamedFigure> figures = DynamicsExports.figures(run);
        assertThat(figures).extracting(NamedFigure::name).containsExactlyElementsOf(DynamicsFigures.NAMES);
        for (NamedFigure f : figures) {
            byte[] svg = file(f.name() + ".svg");
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg));
            assertThat(xml.getDocumentElement().getNodeName()).as(f.name()).isEqualTo("svg");
        }
        assertThat(new String(file("map.svg"), StandardCharsets.UTF_8)).contains("episode-0000.npz", "PC1");
    }

    @Test
    void rolloutsWithoutTheWorldGetNoMapAndANote() throws IOException {
        Path rollouts = vectorEpisodes(dir.resolve("no-world"), 1, 30, false);
        DynamicsRun bare = new DynamicsRequest(List.of(sample("sample-models/vector-lanekeeping")), List.of(rollouts),
                new DynamicsOptions(false, 0.01, 0, 0L), MapColour.PC1).run("liquidlens dynamics", QUIET);
        assertThat(DynamicsExports.figures(bare)).extracting(NamedFigure::name).doesNotContain("map")
                .contains("scree", "lmax");
        assertThat(bare.models().get(0).result().notes()).anyMatch(n -> n.contains("x, y"));
        assertThat(bare.models().get(0).result().sensitivity().max()).isNaN();
        JsonNode json = new ObjectMapper().readTree(toBytes(DynamicsExports.files(bare).get("dynamics.json")));
        assertThat(json.get("models").get(0).get("sensitivity").get("max").isNull()).isTrue();
        assertThat(json.get("rollouts").get(0).get("map").asBoolean()).isFalse();
    }

    @Test
    void severalModelsGetTheirNameBeforeEachFigureAndAComparison() {
        ModelDynamics one = run.models().get(0);
        DynamicsResult r = one.result();
        DynamicsResult other = new DynamicsResult("other/model", r.cell(), r.options(), r.statesSource(), r.pca(),
                r.neurons(), r.sensitivity(), r.rollouts(), r.notes());
        DynamicsRun two = new DynamicsRun(List.of(one, new ModelDynamics(other, false, -1)), MapColour.PC1,
                run.provenance());
        List<String> names = DynamicsExports.figures(two).stream().map(NamedFigure::name).toList();
        assertThat(names).contains("vector-lanekeeping-scree", "other_model-scree", "other_model-tau")
                .endsWith("comparison");
        assertThat(DynamicsExports.files(two)).containsKeys("comparison.svg", "other_model-map.svg");
    }

    @Test
    void theMedianLmaxIsTheMiddleOfTheNeuronsValues() {
        double[] sorted = run.models().get(0).result().neurons().stream().mapToDouble(NeuronDynamics::lmax)
                .sorted().toArray();
        double expected = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        assertThat(run.models().get(0).medianLmax()).isEqualTo(expected).isPositive();
    }

    private static byte[] toBytes(IOConsumer<OutputStream> body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.accept(out);
        return out.toByteArray();
    }

}
