package org.mandate.processes.validation;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Reads XML without ever resolving anything: DOCTYPEs are refused outright (they are how entity expansion and
 * external entities get in), and no DTD, schema or XInclude is loaded. Nothing else may parse a file before this has.
 */
public final class HardenedXml {

    public static final class Refused extends Exception {

        private final transient BpmnProblem problem;

        Refused(String code, String message, String... args) {
            super(message);
            this.problem = BpmnProblem.ofFile(message, code, args);
        }

        /** The refusal as a problem with the file, with its code for other languages. */
        public BpmnProblem problem() {
            return problem;
        }
    }

    private HardenedXml() {
    }

    public static Document parse(byte[] xml) throws Refused {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId);
            });
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw new Refused("file.doctype", "The file declares a DOCTYPE. BPMN files never need one, and it is "
                        + "how entity expansion and external entities get in; remove the <!DOCTYPE ...> line.");
            }
            throw new Refused("file.notWellFormed", "The file is not well-formed XML (" + message + "). Save it again "
                    + "from the modeler.", message);
        } catch (IOException | ParserConfigurationException e) {
            throw new Refused("file.unreadable", "The file could not be read as XML (" + e.getMessage() + ").",
                    String.valueOf(e.getMessage()));
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
