package io.stride.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The endpoints of an app and whether each declares its access. Authentication is not proactive in the platform's
 * apps (platform/security), so an endpoint without {@code @RolesAllowed}, {@code @Authenticated}, {@code @PermitAll}
 * or {@code @DenyAll} (on it or its class) would be open to anyone: each app's {@code EndpointSecurityTest} asserts
 * there is none.
 *
 * @param endpoints every resource method ({@code Resource.method}) under the package
 * @param undeclared those that declare no access
 */
public record EndpointAccess(List<String> endpoints, List<String> undeclared) {

    private static final Set<String> ACCESS = Set.of("jakarta.annotation.security.RolesAllowed",
            "io.quarkus.security.Authenticated", "jakarta.annotation.security.PermitAll",
            "jakarta.annotation.security.DenyAll");
    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";

    /** The resource classes ({@code @Path}) of the app's main code under {@code basePackage}, and their methods. */
    public static EndpointAccess of(String basePackage) {
        List<String> endpoints = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        List<Class<?>> resources = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage)
                .stream()
                .filter(type -> type.isAnnotatedWith(PATH))
                .map(JavaClass::reflect)
                .toList();
        for (Class<?> resource : resources) {
            boolean classLevel = declaresAccess(resource.getAnnotations());
            for (Method method : resource.getDeclaredMethods()) {
                boolean endpoint = Arrays.stream(method.getAnnotations()).anyMatch(annotation -> Arrays.stream(
                        annotation.annotationType().getAnnotations())
                        .anyMatch(meta -> meta.annotationType().getName().equals(HTTP_METHOD)));
                if (!endpoint) {
                    continue;
                }
                String name = resource.getSimpleName() + "." + method.getName();
                endpoints.add(name);
                if (!classLevel && !declaresAccess(method.getAnnotations())) {
                    undeclared.add(name);
                }
            }
        }
        return new EndpointAccess(List.copyOf(endpoints), List.copyOf(undeclared));
    }

    private static boolean declaresAccess(Annotation[] annotations) {
        return Arrays.stream(annotations).anyMatch(annotation -> ACCESS.contains(annotation.annotationType().getName()));
    }
}
