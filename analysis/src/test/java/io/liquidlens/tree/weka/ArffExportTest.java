package io.liquidlens.tree.weka;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.tree.SyntheticData;
import io.liquidlens.tree.TreeDataset;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

class ArffExportTest {

    @Test
    void wekaReadsTheTableBackRowForRow(@TempDir Path dir) throws Exception {
        TreeDataset data = SyntheticData.rule(2, 50, 0.1, 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ArffExport.write(data, "liquidlens tree: test", bytes);
        Path file = dir.resolve("data.arff");
        Files.write(file, bytes.toByteArray());

        Instances back = new DataSource(file.toString()).getDataSet();
        back.setClassIndex(back.numAttributes() - 1);
        assertThat(back.numInstances()).isEqualTo(data.rows());
        assertThat(back.numAttributes()).isEqualTo(data.features() + 1);
        for (int f = 0; f < data.features(); f++) {
            assertThat(back.attribute(f).name()).isEqualTo(data.featureNames().get(f));
            assertThat(back.attribute(f).isNumeric()).isTrue();
        }
        assertThat(back.classAttribute().numValues()).isEqualTo(3);
        for (int r = 0; r < data.rows(); r++) {
            for (int f = 0; f < data.features(); f++) {
                assertThat(back.instance(r).value(f)).isCloseTo(data.value(r, f), org.assertj.core.api.Assertions.within(1e-10));
            }
            assertThat(back.classAttribute().value((int) back.instance(r).classValue()))
                    .isEqualTo(data.classNames().get(data.labels()[r]));
        }
    }
}
