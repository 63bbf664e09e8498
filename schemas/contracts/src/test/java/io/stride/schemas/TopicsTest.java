package io.stride.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * The topic catalogue is consistent: unique kebab {@code <domain>.<dataset>} names, values that are generated
 * records, a dead-letter topic for every consumed topic, and one constant per topic.
 */
class TopicsTest {

    private static final String DLQ_SUFFIX = ".dlq";
    private static final String KEBAB = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
    private static final Pattern TOPIC_NAME = Pattern.compile(KEBAB + "\\." + KEBAB + "(\\.dlq)?");

    private static final List<TopicSpec> CATALOGUE = Topics.catalogue();

    @Test
    void shouldHaveUniqueNamesWhenCatalogueIsListed() {
        // given
        var names = CATALOGUE.stream().map(TopicSpec::name).toList();

        // when
        var unique = Set.copyOf(names);

        // then
        assertThat(names).hasSameSizeAs(unique);
    }

    @Test
    void shouldBeKebabDomainDotDatasetWhenTopicIsNamed() {
        // given
        var names = CATALOGUE.stream().map(TopicSpec::name).toList();

        // when
        var badNames = names.stream().filter(name -> !TOPIC_NAME.matcher(name).matches()).toList();

        // then
        assertThat(badNames).as("topics not named <domain>.<dataset>[.dlq] in kebab segments").isEmpty();
    }

    @Test
    void shouldResolveToGeneratedClassesWhenTopicCarriesValues() {
        // given
        var problems = new ArrayList<String>();

        // when
        for (TopicSpec topic : CATALOGUE) {
            if (isDeadLetter(topic)) {
                continue;
            }
            if (topic.valueSchemas().isEmpty()) {
                problems.add(topic.name() + " lists no value schema");
            }
            for (String record : topic.valueSchemas()) {
                try {
                    var type = RegisteredRecords.generatedClass(record);
                    String actual = SpecificData.get().getSchema(type).getFullName();
                    if (!actual.equals(record)) {
                        problems.add(topic.name() + ": class " + type.getName() + " has schema " + actual);
                    }
                } catch (IllegalStateException e) {
                    problems.add(topic.name() + ": " + e.getMessage());
                }
            }
        }

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldHaveDeadLetterTopicWhenTopicIsConsumed() {
        // given: every catalogue topic exists to be consumed, and consumers dead-letter to <topic>.dlq (STYLE §6)
        Map<String, TopicSpec> byName = byName();
        var problems = new ArrayList<String>();

        // when
        for (TopicSpec topic : CATALOGUE) {
            if (isDeadLetter(topic)) {
                continue;
            }
            TopicSpec dlq = byName.get(topic.name() + DLQ_SUFFIX);
            if (dlq == null) {
                problems.add(topic.name() + " has no " + topic.name() + DLQ_SUFFIX);
            } else if (dlq.partitions() != topic.partitions() || !dlq.key().equals(topic.key())) {
                problems.add(dlq.name() + " must keep the key and partitions of " + topic.name());
            }
        }

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldHaveSourceTopicAndRawValuesWhenTopicIsDeadLetter() {
        // given
        Map<String, TopicSpec> byName = byName();
        var problems = new ArrayList<String>();

        // when
        for (TopicSpec topic : CATALOGUE) {
            if (!isDeadLetter(topic)) {
                continue;
            }
            String source = topic.name().substring(0, topic.name().length() - DLQ_SUFFIX.length());
            if (!byName.containsKey(source) || isDeadLetter(byName.get(source))) {
                problems.add(topic.name() + " dead-letters no catalogue topic");
            }
            if (!topic.valueSchemas().isEmpty()) {
                problems.add(topic.name() + " holds the source record's bytes unchanged, so lists no value schema");
            }
            if (!topic.cleanupPolicy().equals("delete") || topic.retention() == null) {
                problems.add(topic.name() + " must be delete with a retention, so every poison record is kept");
            }
        }

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldDeclareValidLayoutWhenTopicIsListed() {
        // given
        var policies = Set.of("delete", "compact", "compact,delete");
        var problems = new ArrayList<String>();

        // when
        for (TopicSpec topic : CATALOGUE) {
            if (topic.partitions() < 1) {
                problems.add(topic.name() + " has " + topic.partitions() + " partitions");
            }
            if (topic.key() == null || topic.key().isBlank()) {
                problems.add(topic.name() + " does not say what its key is");
            }
            if (!policies.contains(topic.cleanupPolicy())) {
                problems.add(topic.name() + " has cleanup.policy " + topic.cleanupPolicy());
            }
            if (topic.retention() == null && !topic.cleanupPolicy().equals("compact")) {
                problems.add(topic.name() + " keeps records forever but is not compacted");
            }
        }

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldListEveryTopicConstantWhenCatalogueIsBuilt() throws IllegalAccessException {
        // given
        var constants = new ArrayList<String>();
        for (Field field : Topics.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }

        // when
        var catalogued = CATALOGUE.stream().map(TopicSpec::name).toList();

        // then
        assertThat(catalogued).containsExactlyInAnyOrderElementsOf(constants);
    }

    private static boolean isDeadLetter(TopicSpec topic) {
        return topic.name().endsWith(DLQ_SUFFIX);
    }

    private static Map<String, TopicSpec> byName() {
        return CATALOGUE.stream().collect(Collectors.toMap(TopicSpec::name, Function.identity()));
    }
}
