package io.stride.ingest.telemetrygateway.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The resource is called by devices: {@link DeviceAuthenticationFilter} requires a valid
 * {@code Authorization: Device <deviceId>.<secret>} header before the body is read, and answers 401 otherwise.
 * Such resources are {@code @PermitAll} for Quarkus Security: they take no user token.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface DeviceAuthenticated {
}
