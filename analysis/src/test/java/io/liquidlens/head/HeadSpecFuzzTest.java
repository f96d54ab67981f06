package io.liquidlens.head;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Any JSON as the {@code head} object of {@code model.json} parses into a head whose shapes, tensors and
 * parameter count can be asked for, or is refused with an {@link IllegalArgumentException} saying where in
 * the head the problem is, which the model loader puts behind the file's name. Seeds are in {@code HeadSpecFuzzTestInputs/}.
 */
class HeadSpecFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest
    void anyHeadParsesOrFailsInOneLine(byte[] content) {
        JsonNode json;
        try {
            json = JSON.readTree(content);
        } catch (IOException e) {
            // not JSON (or, from bytes, not in an encoding Jackson detects): model.json's reader refuses it
            // before the head is looked at
            return;
        }
        try {
            HeadSpec head = HeadSpec.fromJson(json);
            head.shapes();
            head.tensorShapes();
            head.parameterCount();
            head.convLayers().forEach(head::featureMapLayer);
            head.checkFits(head.input(), head.outputSize());
            HeadSpec.fromJson(head.toJson());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            if (message == null || !message.startsWith("head")) {
                throw new AssertionError("a problem that does not say where in the head: " + message, e);
            }
        }
    }
}
