package org.mandate.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stored events re-encryption writes anew: those holding personal text that the serializer would seal now. */
class ReencryptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            clear text where it is sealed now              | {"title":"Chairs","amount":5}                                  | {"title":{"subject":"ana","request":"request:r1","sealed":"x"},"amount":5} | true
            sealed for person and request                  | {"title":{"subject":"ana","request":"request:r1","sealed":"y"}} | {"title":{"subject":"ana","request":"request:r1","sealed":"x"}}           | false
            sealed for the person only, before request keys | {"title":{"subject":"ana","sealed":"y"}}                        | {"title":{"subject":"ana","request":"request:r1","sealed":"x"}}           | true
            sealed for the person, as it is now            | {"email":{"subject":"ana","sealed":"y"}}                        | {"email":{"subject":"ana","sealed":"x"}}                                  | false
            nothing personal                               | {"category":"equipment","amount":5}                            | {"category":"equipment","amount":5}                                      | false
            clear text of someone erased since             | {"name":"Quirina Zephyrwood"}                                  | {"name":"erased person"}                                                 | true
            erased already                                 | {"name":"erased person"}                                       | {"name":"erased person"}                                                 | false
            clear text inside a list                       | {"items":[{"note":"ok"},{"note":"Chairs"}]}                    | {"items":[{"note":"ok"},{"note":{"subject":"ana","sealed":"x"}}]}        | true
            """)
    void findsWhatIsStillInClear(String what, String stored, String fresh, boolean inClear) throws Exception {
        JsonNode storedTree = JSON.readTree(stored);
        JsonNode freshTree = JSON.readTree(fresh);
        assertThat(Reencryption.inClear(storedTree, freshTree)).as(what).isEqualTo(inClear);
    }
}
