package io.stride.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void shouldNameTheCryptoAndVectorFeaturesOfTheFirstProcessor() {
        // given: two processors; the first one's flags count
        List<String> cpuinfo = List.of("processor\t: 0", "model name\t: AMD EPYC",
                "flags\t\t: fpu sse2 aes avx2 sha_ni avx512f avx512vl vaes vpclmulqdq", "", "processor\t: 1",
                "flags\t\t: fpu");

        // when
        String features = Report.cpuFeatures(cpuinfo);

        // then
        assertThat(features).isEqualTo("aes vaes vpclmulqdq avx2 avx512f");
    }

    @Test
    void shouldSayWhenTheProcessorHasNoneOfTheFeatures() {
        // when
        String features = Report.cpuFeatures(List.of("model name\t: an old CPU", "flags\t\t: fpu sse2"));

        // then
        assertThat(features).isEqualTo("none of aes, vaes, vpclmulqdq, avx2, avx512f");
    }
}
