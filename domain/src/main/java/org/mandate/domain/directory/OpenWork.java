package org.mandate.domain.directory;

import java.util.List;

/** Read access to the open steps a person holds, has on loan, or has lent out; implemented by the inbox. */
public interface OpenWork {

    List<HeldStep> of(PersonId person);
}
