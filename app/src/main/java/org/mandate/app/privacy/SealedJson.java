package org.mandate.app.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.mandate.domain.Personal;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens the sealed fields of an event payload kept as stored (the audit trail keeps the stored form, so it holds no
 * clear copy to erase): for exports, where the reader wants text. A field that does not open reads as erased.
 */
@Component
public class SealedJson {

    /** Numbers are read and written exactly as stored (a limit of 50000 must not come back as 5E+4). */
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final PersonalCipher cipher;

    SealedJson(PersonalCipher cipher) {
        this.cipher = cipher;
    }

    /** The payload with every sealed field opened; unchanged (the same string) when nothing in it is sealed. */
    public String open(String payload) {
        if (payload == null || !payload.contains("\"" + PersonalFields.SEALED + "\"")) {
            return payload;
        }
        try {
            JsonNode tree = EXACT.readTree(payload);
            return EXACT.writeValueAsString(open(tree, null));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode open(JsonNode node, String field) {
        if (PersonalFields.isSealed(node)) {
            Personal.Kind kind = "name".equals(field) ? Personal.Kind.NAME : Personal.Kind.TEXT;
            return TextNode.valueOf(PersonalFields.open(cipher, node).orElse(kind.erased()));
        }
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            fields.forEach(entry -> object.set(entry.getKey(), open(entry.getValue(), entry.getKey())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, open(array.get(i), field));
            }
        }
        return node;
    }
}
