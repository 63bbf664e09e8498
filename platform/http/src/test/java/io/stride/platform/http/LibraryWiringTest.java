package io.stride.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.junit.jupiter.api.Test;

/**
 * When an app depends on this jar, Quarkus loads the library and the code it generates for it (bean classes,
 * client proxies, observers, exception mapper wrappers) through different class loaders: package-private members
 * then fail with IllegalAccessError or are silently not proxied. The module's own @QuarkusTests cannot see that
 * (there everything is one application root), so this checks the rule on the jar's Jandex index.
 */
class LibraryWiringTest {

    private static final Path JANDEX_INDEX = Path.of("target/classes/META-INF/jandex.idx");

    private static Index index() throws Exception {
        try (InputStream in = Files.newInputStream(JANDEX_INDEX)) {
            return new IndexReader(in).read();
        }
    }

    private static Set<String> classesWith(Index index, Class<?> annotation) {
        Set<String> classes = new TreeSet<>();
        for (AnnotationInstance instance : index.getAnnotations(DotName.createSimple(annotation))) {
            AnnotationTarget target = instance.target();
            classes.add(switch (target.kind()) {
                case CLASS -> target.asClass().name().toString();
                case METHOD -> target.asMethod().declaringClass().name().toString();
                case METHOD_PARAMETER -> target.asMethodParameter().method().declaringClass().name().toString();
                default -> throw new IllegalStateException("unexpected target " + target);
            });
        }
        return classes;
    }

    @Test
    void shouldExposeEveryBeanMemberPubliclyWhenQuarkusGeneratesCodeForIt() throws Exception {
        // given
        Index index = index();
        Set<String> wired = new TreeSet<>();
        wired.addAll(classesWith(index, ApplicationScoped.class));
        wired.addAll(classesWith(index, ServerExceptionMapper.class));
        wired.addAll(classesWith(index, Observes.class));

        // when
        Set<String> violations = new TreeSet<>();
        for (String name : wired) {
            Class<?> type = Class.forName(name);
            if (!Modifier.isPublic(type.getModifiers())) {
                violations.add(name + " is not public");
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (!Modifier.isPublic(constructor.getModifiers())) {
                    violations.add(name + " has a non-public constructor");
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                boolean instanceApi = !Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers)
                        && !method.isSynthetic();
                if (instanceApi && !Modifier.isPublic(modifiers)) {
                    violations.add(name + "." + method.getName() + " is package-private");
                }
            }
        }

        // then
        assertThat(wired).contains(
                HttpConventionsRoutes.class.getName(),
                PlatformExceptionMappers.class.getName(),
                JsonLogInstaller.class.getName());
        assertThat(violations).isEmpty();
    }
}
