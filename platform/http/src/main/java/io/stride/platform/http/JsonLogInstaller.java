package io.stride.platform.http;

import java.util.logging.Handler;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.formatters.JsonFormatter;

import io.quarkus.runtime.StartupEvent;

/**
 * At startup, wraps every JSON formatter that quarkus-logging-json installed (console in prod, any other handler
 * where an app enabled JSON) in {@link PlatformJsonLogFormatter}. Plain-text handlers (dev, test) are untouched.
 *
 * <p>Public only because Quarkus-generated code calls it from another class loader when the library is a
 * dependency; it is wiring, not API.
 */
@ApplicationScoped
public class JsonLogInstaller {

    public void onStart(@Observes StartupEvent event) {
        String service = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.name", String.class)
                .orElse("unknown");
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            wrap(handler, service);
        }
    }

    static int wrap(Handler handler, String service) {
        int wrapped = 0;
        if (handler.getFormatter() instanceof JsonFormatter json) {
            handler.setFormatter(new PlatformJsonLogFormatter(json, service));
            wrapped++;
        }
        if (handler instanceof ExtHandler parent) {
            for (Handler child : parent.getHandlers()) {
                wrapped += wrap(child, service);
            }
        }
        return wrapped;
    }
}
