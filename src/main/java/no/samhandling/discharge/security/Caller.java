package no.samhandling.discharge.security;

import java.util.Set;

/**
 * Who is calling: the token's user, roles and tenant (a ward token names its hospital by organisation
 * number, a municipal-intake token its municipality number).
 */
public record Caller(String principal, Set<String> roles, String hospital, String municipality) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Admins and integrations act across tenants; their reads and writes are audited like anyone's. */
    public boolean actsForAllTenants() {
        return has(Roles.ADMIN) || has(Roles.INTEGRATION);
    }

    /** The role the audit log records: the strongest one the token carries. */
    public String primaryRole() {
        for (String role : new String[] {Roles.ADMIN, Roles.INTEGRATION, Roles.WARD, Roles.MUNICIPAL_INTAKE, Roles.POOL_ADMIN, Roles.BOARD}) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return "none";
    }

    /**
     * The tenant claims the token names, e.g. {@code hospital=983974899} or {@code municipality=1833} (empty for
     * none): what scopes an Idempotency-Key besides the user.
     */
    public String tenantClaims() {
        StringBuilder claims = new StringBuilder();
        if (hospital != null) {
            claims.append("hospital=").append(hospital);
        }
        if (municipality != null) {
            claims.append(claims.isEmpty() ? "" : ";").append("municipality=").append(municipality);
        }
        return claims.toString();
    }

    /** The tenant the audit log records. */
    public String tenant() {
        if (has(Roles.WARD) && hospital != null) {
            return hospital;
        }
        if (has(Roles.MUNICIPAL_INTAKE) && municipality != null) {
            return municipality;
        }
        return null;
    }
}
