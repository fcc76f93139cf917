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
        SpringApplication.run(MandateApplication.class, args);
    }

    /** Axon's update checker reads only this system property, not Spring's configuration; set it before Axon loads. */
    public static void noPhoneHome() {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }
}
