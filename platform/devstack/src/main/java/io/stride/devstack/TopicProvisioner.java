package io.stride.devstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import io.stride.schemas.TopicSpec;

/**
 * Creates every topic of the catalogue with its partitions and configuration; idempotent. A topic that exists already
 * keeps its data: its configuration is set to the catalogue's and its partitions are raised if there are fewer.
 */
final class TopicProvisioner {

    private static final long TIMEOUT_SECONDS = 30;

    /** What provisioning did. */
    record Outcome(List<String> created, List<String> existing, List<String> updated) {
        int total() {
            return created.size() + existing.size();
        }
    }

    private final Admin admin;

    TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    Outcome provision(Collection<TopicSpec> catalogue) throws Exception {
        Set<String> present = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicSpec> missing = catalogue.stream().filter(spec -> !present.contains(spec.name())).toList();
        List<TopicSpec> existing = catalogue.stream().filter(spec -> present.contains(spec.name())).toList();

        List<String> created = new ArrayList<>();
        List<String> already = new ArrayList<>(existing.stream().map(TopicSpec::name).toList());
        var results = admin.createTopics(missing.stream().map(TopicProvisioner::newTopic).toList()).values();
        for (var result : results.entrySet()) {
            try {
                result.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                created.add(result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                already.add(result.getKey());
            }
        }
        List<String> updated = converge(existing);
        return new Outcome(created, already, updated);
    }

    static NewTopic newTopic(TopicSpec spec) {
        return new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.config());
    }

    /** Sets the catalogue configuration on topics that exist and adds partitions where there are fewer. */
    private List<String> converge(List<TopicSpec> existing) throws Exception {
        if (existing.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions = admin
                .describeTopics(existing.stream().map(TopicSpec::name).toList())
                .allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, NewPartitions> grow = existing.stream()
                .filter(spec -> descriptions.get(spec.name()).partitions().size() < spec.partitions())
                .collect(Collectors.toMap(TopicSpec::name, spec -> NewPartitions.increaseTo(spec.partitions())));
        if (!grow.isEmpty()) {
            admin.createPartitions(grow).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        Map<ConfigResource, Collection<AlterConfigOp>> configs = existing.stream()
                .collect(Collectors.toMap(
                        spec -> new ConfigResource(ConfigResource.Type.TOPIC, spec.name()),
                        spec -> spec.config().entrySet().stream()
                                .map(entry -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()),
                                        AlterConfigOp.OpType.SET))
                                .toList()));
        admin.incrementalAlterConfigs(configs).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return List.copyOf(grow.keySet());
    }
}
