import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Info,
  Resolver,
  Root,
} from 'type-graphql';
import { ConnectionArgs } from '../api/connection.js';
import { declareFieldReads } from '../api/derived-from.js';
import { Customer } from '../entities/customer.entity.js';
import { Access } from '../security/access.js';
import { StaffRole } from '../entities/enums.js';
import { createOnce } from '../idempotency/idempotency.js';
import type { RequestScope } from '../request-scope.js';
import { customerEquipment, customerSites } from '../services/children.js';
import {
  createCustomer,
  customerByCode,
  listCustomers,
  updateCustomer,
} from '../services/customer.service.js';
import { requireRecord } from '../services/records.js';
import { CustomerConnection, EquipmentConnection, SiteConnection } from './connections.js';
import {
  CreateCustomerInput,
  CustomerFilter,
  CustomerOrder,
  CustomerPayload,
  UpdateCustomerInput,
} from './customer.input.js';

// Nested lists need only the parent's id, so a list of parents can skip other columns.
declareFieldReads(Customer, 'sites', ['id']);
declareFieldReads(Customer, 'equipment', ['id']);

@Resolver(() => Customer)
export class CustomerResolver {
  @Access({ roles: 'any', customers: true })
  @Query(() => Customer, { nullable: true, description: 'A customer by its global ID.' })
  customer(@Ctx() scope: RequestScope, @Arg('id', () => ID) id: string) {
    return requireRecord(scope, Customer, id, 'id');
  }

  @Access({ roles: 'any', customers: true })
  @Query(() => Customer, { nullable: true, description: 'A customer by its unique business code.' })
  customerByCode(@Ctx() scope: RequestScope, @Arg('code', () => String) code: string) {
    return customerByCode(scope, code);
  }

  @Access({ roles: 'any', customers: true })
  @Query(() => CustomerConnection, {
    description: 'Customers, filtered and sorted; code ascending by default.',
  })
  customers(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => CustomerFilter, { nullable: true }) filter?: CustomerFilter,
    @Arg('orderBy', () => CustomerOrder, { nullable: true }) orderBy?: CustomerOrder,
  ) {
    return listCustomers(scope, filter, orderBy, page);
  }

  @Access({ roles: [StaffRole.SERVICE_MANAGER] })
  @Mutation(() => CustomerPayload)
  async createCustomer(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CreateCustomerInput) input: CreateCustomerInput,
  ): Promise<CustomerPayload> {
    return {
      customer: await createOnce(scope, 'createCustomer', Customer, input, () =>
        createCustomer(scope, input),
      ),
    };
  }

  @Access({ roles: [StaffRole.SERVICE_MANAGER] })
  @Mutation(() => CustomerPayload)
  async updateCustomer(
    @Ctx() scope: RequestScope,
    @Arg('input', () => UpdateCustomerInput) input: UpdateCustomerInput,
  ): Promise<CustomerPayload> {
    return { customer: await updateCustomer(scope, input) };
  }

  @FieldResolver(() => SiteConnection, { description: 'Sites of this customer, by name.' })
  sites(
    @Ctx() scope: RequestScope,
    @Root() customer: Customer,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return customerSites.page(scope, customer.id, page, {}, info);
  }

  @FieldResolver(() => EquipmentConnection, {
    description: 'Units this customer owns, by serial number.',
  })
  equipment(
    @Ctx() scope: RequestScope,
    @Root() customer: Customer,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return customerEquipment.page(scope, customer.id, page, {}, info);
  }
}
