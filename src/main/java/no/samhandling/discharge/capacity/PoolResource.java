package no.samhandling.discharge.capacity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.samhandling.discharge.capacity.AllocationViews.AllocateBed;
import no.samhandling.discharge.capacity.AllocationViews.AllocationView;
import no.samhandling.discharge.capacity.AllocationViews.MoveBed;
import no.samhandling.discharge.capacity.UtilisationViews.PoolUtilisationView;
import no.samhandling.discharge.capacity.PoolCommands.AddBed;
import no.samhandling.discharge.capacity.PoolCommands.ChangeBedStatus;
import no.samhandling.discharge.capacity.PoolCommands.CreatePool;
import no.samhandling.discharge.capacity.PoolViews.BedView;
import no.samhandling.discharge.capacity.PoolViews.PoolSummary;
import no.samhandling.discharge.capacity.PoolViews.PoolView;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.web.IfMatch;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

@Path("/bed-pools")
@Tag(name = "Bed pools", description = "Flexible bed pools (sengepool, felles senger) run by a hospital, a municipality or several "
        + "together, their beds and free beds")
@Produces(MediaType.APPLICATION_JSON)
public class PoolResource {

    private static final String DAY = "The day to show, e.g. 2025-03-10 (default today)";

    private final PoolService pools;
    private final AllocationService allocations;
    private final UtilisationService utilisation;
    private final Callers callers;

    PoolResource(PoolService pools, AllocationService allocations, UtilisationService utilisation, Callers callers) {
        this.pools = pools;
        this.allocations = allocations;
        this.utilisation = utilisation;
        this.callers = callers;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set up a bed pool (opprett sengepool)",
            description = "Who runs it (hospital trusts and municipalities), which municipalities may use it, and optional quotas "
                    + "of bed-days per participant and period. Administrators only.")
    @APIResponse(responseCode = "201", description = "The pool", content = @Content(schema = @Schema(implementation = PoolView.class)))
    @APIResponse(responseCode = "400", description = "Unknown hospital trust or municipality, a quota for a non-participant or overlapping quotas")
    public Response create(@Valid @NotNull CreatePool command, UriInfo uri) {
        PoolView pool = pools.create(callers.current(), command);
        return Response.created(uri.getBaseUriBuilder().path("bed-pools").path(pool.id().toString()).build()).entity(pool).build();
    }

    @GET
    @RolesAllowed({Roles.WARD, Roles.MUNICIPAL_INTAKE, Roles.POOL_ADMIN, Roles.BOARD, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Bed pools and their free beds (ledige senger)",
            description = "Every pool by name, with its free beds on the day, counted from its beds. No personal data.")
    public Page<PoolSummary> list(@QueryParam("date") @Parameter(description = DAY) LocalDate date, @BeanParam @Valid PageRequest page) {
        return pools.list(date, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.WARD, Roles.MUNICIPAL_INTAKE, Roles.POOL_ADMIN, Roles.BOARD, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "One bed pool with its beds",
            description = "Participants, quotas, every bed with its status that day, and the free beds counted from them. No personal data.")
    @APIResponse(responseCode = "200", description = "The pool", content = @Content(schema = @Schema(implementation = PoolView.class)))
    @APIResponse(responseCode = "404", description = "No such pool")
    public PoolView get(@PathParam("id") UUID id, @QueryParam("date") @Parameter(description = DAY) LocalDate date) {
        return pools.read(id, date);
    }

    @POST
    @Path("/{id}/beds")
    @RolesAllowed({Roles.POOL_ADMIN, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a bed to the pool (legg til seng)",
            description = "The pool's administrator (pool-admin of this pool) or an administrator.")
    @APIResponse(responseCode = "201", description = "The bed", content = @Content(schema = @Schema(implementation = BedView.class)))
    @APIResponse(responseCode = "400", description = "No label, or the pool has a bed of that label")
    @APIResponse(responseCode = "404", description = "No such pool")
    public Response addBed(@PathParam("id") UUID id, @Valid @NotNull AddBed command, UriInfo uri) {
        BedView bed = pools.addBed(callers.current(), id, command);
        return Response.created(uri.getBaseUriBuilder().path("bed-pools").path(id.toString()).path("beds").path(bed.id().toString()).build())
                .entity(bed).tag(Long.toString(bed.version())).build();
    }

    @PUT
    @Path("/{id}/beds/{bedId}/status")
    @RolesAllowed({Roles.POOL_ADMIN, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a bed's status (sengestatus)",
            description = "free, occupied, reserved, closed, being-cleaned, contaminated or isolated (HL7 v2 table 0116). Only a free bed "
                    + "is given to a patient. The pool's administrator or an administrator.")
    @APIResponse(responseCode = "200", description = "The bed", content = @Content(schema = @Schema(implementation = BedView.class)))
    @APIResponse(responseCode = "404", description = "No such pool or bed")
    @APIResponse(responseCode = "409", description = "Changed by someone else since the version in If-Match")
    public Response changeStatus(@PathParam("id") UUID id, @PathParam("bedId") UUID bedId, @Valid @NotNull ChangeBedStatus command,
                                 @HeaderParam("If-Match") @Parameter(description = "The bed's version as last read") String ifMatch) {
        BedView bed = pools.changeStatus(callers.current(), id, bedId, IfMatch.version(ifMatch), command);
        return Response.ok(bed).tag(Long.toString(bed.version())).build();
    }

    @POST
    @Path("/{id}/beds/{bedId}/allocations")
    @RolesAllowed({Roles.MUNICIPAL_INTAKE, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give the bed to a discharge-ready patient (tildel seng)",
            description = "From a day (today, or later to reserve a bed that will be free) through a day, or until discharge. This is "
                    + "also the municipality's answer under § 11: it can receive the patient from the first day, offer: the bed pool; "
                    + "the hospital is told as with any answer. Only for patients the intake team's municipality pays for, in pools "
                    + "it takes part in. A bed that is reserved, closed, occupied, contaminated or isolated, or already given to "
                    + "someone for any of the days, is refused (409, naming the allocation in the way), and so is one being cleaned, "
                    + "or days that would exceed the municipality's quota in the pool (409 naming the quota, the bed-days booked and those asked for).")
    @APIResponse(responseCode = "201", description = "The allocation", content = @Content(schema = @Schema(implementation = AllocationView.class)))
    @APIResponse(responseCode = "400", description = "Days in the past, or a last day before the first")
    @APIResponse(responseCode = "403", description = "The patient's municipality does not take part in the pool, or not your role")
    @APIResponse(responseCode = "404", description = "No such pool, bed, or stay visible to you")
    @APIResponse(responseCode = "409", description = "The bed cannot be given (status, or another patient has it on some of the days), "
            + "the patient already has a bed on those days, the quota would be exceeded, or the stay cannot be answered now")
    public Response allocate(@PathParam("id") UUID id, @PathParam("bedId") UUID bedId, @Valid @NotNull AllocateBed command) {
        return Response.status(Response.Status.CREATED).entity(allocations.allocate(callers.current(), id, bedId, command)).build();
    }

    @POST
    @Path("/{id}/allocations/{allocationId}/move")
    @RolesAllowed({Roles.MUNICIPAL_INTAKE, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the patient to another bed of the pool (flytt pasient til annen seng)",
            description = "From a day (today or later, within the allocation's days) the patient has the other bed: the allocation ends "
                    + "the day before (it is cancelled when the move is on its first day) and a new one takes the rest of its days, in one "
                    + "transaction. When the other bed is not free (reserved, closed, occupied, being cleaned, contaminated, isolated), given to someone else on any "
                    + "of those days (409 naming that allocation) or the move would exceed the municipality's quota, nothing changes. "
                    + "Moving an allocation that has ended (also one moved already) is 409.")
    @APIResponse(responseCode = "201", description = "The new allocation", content = @Content(schema = @Schema(implementation = AllocationView.class)))
    @APIResponse(responseCode = "400", description = "A day in the past or outside the allocation's days, or the bed the patient has")
    @APIResponse(responseCode = "403", description = "Not your role")
    @APIResponse(responseCode = "404", description = "No such pool, allocation or bed, or the patient is not visible to you")
    @APIResponse(responseCode = "409", description = "The bed cannot be given for those days, the quota would be exceeded, or the allocation has ended")
    public Response move(@PathParam("id") UUID id, @PathParam("allocationId") UUID allocationId, @Valid @NotNull MoveBed command) {
        return Response.status(Response.Status.CREATED).entity(allocations.move(callers.current(), id, allocationId, command)).build();
    }

    @GET
    @Path("/{id}/utilisation")
    @RolesAllowed({Roles.MUNICIPAL_INTAKE, Roles.POOL_ADMIN, Roles.BOARD, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "How much the pool is used (utnyttelse av sengepool)",
            description = "Per day and for the period: beds, occupied and free bed-days (liggedøgn) and the occupancy in percent (occupied ÷ "
                    + "beds); per participating municipality the bed-days its patients had and its quotas (kvoter) with the bed-days booked "
                    + "and left. Beds count at their status now. Two weeks from today unless from and through say otherwise (at most 92 "
                    + "days). Counts only, no personal data: for boards, the pool's administrator and the intake teams of the municipalities "
                    + "that take part in it.")
    @APIResponse(responseCode = "200", description = "The pool's use", content = @Content(schema = @Schema(implementation = PoolUtilisationView.class)))
    @APIResponse(responseCode = "400", description = "A range of days that is wrong")
    @APIResponse(responseCode = "403", description = "Another pool's administrator, or an intake team of a municipality that does not take part")
    @APIResponse(responseCode = "404", description = "No such pool")
    public PoolUtilisationView utilisation(@PathParam("id") UUID id,
                                           @QueryParam("from") @Parameter(description = "First day, e.g. 2025-03-01 (default today)") LocalDate from,
                                           @QueryParam("through") @Parameter(description = "Last day (default 13 days after from)") LocalDate through) {
        return utilisation.pool(callers.current(), id, from, through);
    }
}
