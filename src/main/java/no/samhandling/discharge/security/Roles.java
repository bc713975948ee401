package no.samhandling.discharge.security;

/** The roles a token can carry (Keycloak realm roles, or {@code groups} in a dev token). */
public final class Roles {

    /** Hospital ward staff (sengepost); the token names the hospital. */
    public static final String WARD = "ward";
    /** Municipal intake team (kommunal tildelingsenhet / inntaksteam); the token names the municipality number. */
    public static final String MUNICIPAL_INTAKE = "municipal-intake";
    /** Health partnership board member (helsefellesskap): statistics only, no personal data. */
    public static final String BOARD = "board";
    /** A hospital or municipal system integrating over the API. */
    public static final String INTEGRATION = "integration";
    /** Administrator of one bed pool (sengepool): manages its beds; the token names the pool ({@code pool} claim, its id). */
    public static final String POOL_ADMIN = "pool-admin";
    /** Administrator of the service and its reference data. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
