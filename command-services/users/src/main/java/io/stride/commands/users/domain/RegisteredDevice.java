package io.stride.commands.users.domain;

/** A newly registered device and its credential {@code <deviceId>.<secret>}, shown to the user this once only. */
public record RegisteredDevice(Device device, String credential) {
}
