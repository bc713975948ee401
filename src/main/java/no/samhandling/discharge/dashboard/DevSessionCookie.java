package no.samhandling.discharge.dashboard;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * DEV MODE AND TESTS ONLY: hands the dev sign-in's cookie on as the bearer token of a dashboard request, so the
 * dashboard is checked by the same token verification and roles as the API. Only for /dashboard paths: the
 * cookie never authorises an API call.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class DevSessionCookie {

    void install(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.normalizedPath();
            Cookie cookie = context.request().getCookie(DevSignIn.COOKIE);
            if (cookie != null && (path.equals("/dashboard") || path.startsWith("/dashboard/"))
                    && context.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
                context.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + cookie.getValue());
            }
            context.next();
        }, 100);
    }
}
