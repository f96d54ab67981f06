package io.liquidlens.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * liquidlens.jar cannot hold Spark: the shade plugin packs only compile and runtime dependencies, and Spark is
 * provided (the -Pspark profile's assembly adds it to liquidlens-spark.jar alone).
 */
class SparkPackagingTest {

    @Test
    void sparkIsAProvidedDependencyOfAnalysisAndNothingElseBringsIt() throws Exception {
        Path pom = Files.isRegularFile(Path.of("analysis/pom.xml")) ? Path.of("analysis/pom.xml") : Path.of("pom.xml");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Element dependencies = (Element) doc.getDocumentElement().getElementsByTagName("dependencies").item(0);
        NodeList list = dependencies.getElementsByTagName("dependency");
        List<String> spark = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element d = (Element) list.item(i);
            String group = text(d, "groupId");
            String scope = text(d, "scope");
            if (group.startsWith("org.apache.spark") || group.startsWith("org.scala-lang")) {
                spark.add(text(d, "artifactId") + ":" + scope);
            }
        }

        assertThat(spark).containsExactly("spark-core_2.13:provided");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
