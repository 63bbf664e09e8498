package io.stride.benchmarks.load;

import java.util.List;
import java.util.Optional;

import io.stride.benchmarks.load.MachineLoad.Measured;
import io.stride.benchmarks.load.MachineLoad.Usage;

/**
 * The figures of one pass of the scenario, each with what the machine did while it was measured.
 *
 * @param raw            the raw Kafka produce ceiling of this pass: what the ratios divide by
 * @param relativeLatency latency at {@code --latency-percent} of this pass's raw ceiling
 * @param fixedLatency   latency at {@code --latency-rate} samples/s (absent when 0)
 * @param processorAlone absent with {@code --direct-samples 0}
 * @param whole          the machine over the whole pass
 * @param topOthers      the busiest processes outside the run over the whole pass
 */
record Pass(Measured<RawCeiling> raw, Measured<EndToEnd> endToEnd, Measured<Latency> relativeLatency,
        Optional<Measured<Latency>> fixedLatency, Optional<Measured<ProcessorAlone>> processorAlone, Usage whole,
        List<String> topOthers) {

    double ceiling() {
        return raw.value().recordsPerSecond();
    }

    /** End to end (samples in a committed live state per second) in % of the raw ceiling. */
    double endToEndPercent() {
        return endToEnd.value().reflectedPerSecond() / ceiling() * 100;
    }

    /** The processor alone (samples in a committed live state per second) in % of the raw ceiling. */
    Optional<Double> processorAlonePercent() {
        return processorAlone.map(measured -> measured.value().reflectedPerSecond() / ceiling() * 100);
    }
}
