package org.mandate.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Mandate: delegated approvals on an event store, with the path driven by a BPMN engine. */
@SpringBootApplication(scanBasePackages = "org.mandate")
@EnableConfigurationProperties(MandateSettings.class)
public class MandateApplication {

    public static void main(String[] args) {
        noPhoneHome();
        jdkDatatypeFactory();
        SpringApplication.run(MandateApplication.class, args);
    }

    static final String DATATYPE_FACTORY = "javax.xml.datatype.DatatypeFactory";

    /**
     * Names the JDK's own {@code DatatypeFactory}, so that JAXP does not search the class path for another one each
     * time it is asked. Camunda asks for a new factory for every timer it creates (each step's escalation timer),
     * and without a name JAXP's service lookup searches every jar nested in the app's jar (140 of them); in a
     * profile of the benchmark's approvals that was a sixth of the engine's time. An operator's own setting stays.
     */
    public static void jdkDatatypeFactory() {
        if (System.getProperty(DATATYPE_FACTORY) == null) {
            System.setProperty(DATATYPE_FACTORY,
                    "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
        }
    }

    /** Axon's update checker reads only this system property, not Spring's configuration; set it before Axon loads. */
    public static void noPhoneHome() {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }
}
