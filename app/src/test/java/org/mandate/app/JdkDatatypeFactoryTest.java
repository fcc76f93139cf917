package org.mandate.app;

import org.junit.jupiter.api.Test;

import javax.xml.datatype.DatatypeFactory;
import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's timers ask JAXP for a DatatypeFactory each time; named, it is made without a class path search. */
class JdkDatatypeFactoryTest {

    @Test
    void aNamedFactoryIsMadeWithoutSearchingTheClassPath() throws Exception {
        AtomicInteger searches = new AtomicInteger();
        ClassLoader counting = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                if (name.contains(MandateApplication.DATATYPE_FACTORY)) {
                    searches.incrementAndGet();
                }
                return super.getResources(name);
            }
        };
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        String setting = System.getProperty(MandateApplication.DATATYPE_FACTORY);
        thread.setContextClassLoader(counting);
        try {
            System.clearProperty(MandateApplication.DATATYPE_FACTORY);
            DatatypeFactory.newInstance();
            assertThat(searches).as("class path searches without a name").hasPositiveValue();

            searches.set(0);
            MandateApplication.jdkDatatypeFactory();
            DatatypeFactory factory = DatatypeFactory.newInstance();

            assertThat(searches).as("class path searches with the JDK's factory named").hasValue(0);
            assertThat(factory.newDuration("PT1H").getHours()).isEqualTo(1);
        } finally {
            thread.setContextClassLoader(original);
            if (setting == null) {
                System.clearProperty(MandateApplication.DATATYPE_FACTORY);
            } else {
                System.setProperty(MandateApplication.DATATYPE_FACTORY, setting);
            }
        }
    }
}
