package org.perfledger.command.department;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.kernel.event.Streams;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.perfledger.command.district.DistrictDirectory;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DepartmentRegistered;
import org.perfledger.kernel.validation.Checks;

/** A department of a district: registered once, then the owner of its budgets, plans and projects. */
@Aggregate(lockFactory = EventSourcedLookup.OPTIMISTIC_LOCKING)
public class Department {

    public static final int MAX_NAME_LENGTH = 200;

    @AggregateIdentifier
    private String id;
    private boolean registered;

    protected Department() {
        // for Axon
    }

    public static String aggregateId(DepartmentId department) {
        return Streams.department(department);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterDepartment command, DistrictDirectory districts) {
        if (registered) {
            throw new DomainRejection(Kind.CONFLICT, "department.already-registered", "departmentId",
                    "department " + command.department() + " is already registered");
        }
        districts.requireRegistered(command.department().district());
        DomainRejection.checked("name", () -> Checks.requireText(command.name(), "department name", MAX_NAME_LENGTH));
        apply(new DepartmentRegistered(command.department(), command.name()));
    }

    @EventSourcingHandler
    void on(DepartmentRegistered event) {
        id = aggregateId(event.department());
        registered = true;
    }
}
