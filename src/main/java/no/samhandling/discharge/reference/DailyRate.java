package no.samhandling.discharge.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;

/** NOK per billable discharge-ready day (døgnpris) for one calendar year. */
@Entity
@Table(name = "daily_rate")
public class DailyRate extends PanacheEntityBase {

    @Id
    public int year;

    @Column(name = "nok_per_day")
    public BigDecimal nokPerDay;

    public String source;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;
}
