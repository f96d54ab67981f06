package io.liquidlens.head;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Any JSON as the {@code head} object of {@code model.json} parses into a head whose shapes, tensors and
 * parameter count can be asked for, or is refused with the one-line {@link IllegalArgumentException} that
 * the model loader puts behind the file's name. Seeds are in {@code HeadSpecFuzzTestInputs/}.
 */
class HeadSpecFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest
    void anyHeadParsesOrFailsInOneLine(byte[] content) {
        JsonNode json;
        try {
            json = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            return; // not JSON: model.json's reader refuses it before the head is looked at
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
            if (message == null || !message.startsWith("head") || message.indexOf('\n') >= 0) {
                throw new AssertionError("not a one-line problem naming the head: " + message, e);
            }
        }
    }
}
