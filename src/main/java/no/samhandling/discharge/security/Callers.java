package no.samhandling.discharge.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads the current caller from the verified bearer token of the request being served. */
@ApplicationScoped
public class Callers {

    public static final String HOSPITAL_CLAIM = "hospital";
    public static final String MUNICIPALITY_CLAIM = "municipality";

    private final SecurityIdentity identity;

    Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        String hospital = null;
        String municipality = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            hospital = claim(token, HOSPITAL_CLAIM);
            municipality = claim(token, MUNICIPALITY_CLAIM);
        }
        return new Caller(identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName(),
                identity.getRoles(), hospital, municipality);
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
