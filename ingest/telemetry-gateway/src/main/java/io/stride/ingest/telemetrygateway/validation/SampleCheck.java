package io.stride.ingest.telemetrygateway.validation;

import java.util.List;

/** Outcome of checking one sample of a batch. */
public sealed interface SampleCheck {

    /** The sample is valid and will be published. */
    record Accepted(ValidSample sample) implements SampleCheck {
    }

    /** The sample is refused, with every reason found. */
    record Rejected(List<Violation> violations) implements SampleCheck {
    }
}
