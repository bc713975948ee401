package no.samhandling.discharge.web;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The first answer to a POST sent with an {@code Idempotency-Key}, kept to answer retries the same; one per
 * user, tenant, method, path and key.
 */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    public String principal;

    @Id
    public String tenant;

    @Id
    public String method;

    @Id
    public String path;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "response_status")
    public int responseStatus;

    @Column(name = "response_body")
    public String responseBody;

    public String location;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Composite key (JPA needs a mutable class here). */
    public static class Key implements Serializable {
        public String principal;
        public String tenant;
        public String method;
        public String path;
        public String idempotencyKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(principal, other.principal) && Objects.equals(tenant, other.tenant)
                    && Objects.equals(method, other.method) && Objects.equals(path, other.path)
                    && Objects.equals(idempotencyKey, other.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(principal, tenant, method, path, idempotencyKey);
        }
    }
}
